import { randomBytes } from 'node:crypto';

/** Request ids look like CloudBase's: opaque hex. */
export const newRequestId = () => randomBytes(12).toString('hex');

/** Document ids: 32 hex characters, like CloudBase's generated _id. */
export const newDocId = () => randomBytes(16).toString('hex');
