import type { PrivacyNoticeVersion } from '../../typings/user';

/** The privacy notice the registration form asks consent to; typed so a new version breaks the build. */
export const PRIVACY_NOTICE_VERSION: PrivacyNoticeVersion = '2026-11';

/**
 * Who answers questions about personal data. Placeholders: replace both with the
 * operating organisation's real name and mailbox before the first release.
 */
export const PRIVACY_CONTACT = {
  operator: '运营单位：示例区委组织部（上线前替换为运营单位全称）',
  email: 'privacy@example.org',
};
