import { PRIVACY_CONTACT, PRIVACY_NOTICE_VERSION } from '../../../../config/privacy';

Component({
  data: {
    version: PRIVACY_NOTICE_VERSION,
    contact: PRIVACY_CONTACT,
  },
});
