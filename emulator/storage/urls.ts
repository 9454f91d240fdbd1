// The local URLs storage hands out. Download URLs stay unescaped on purpose:
// the SDK runs encodeURI on tempFileURL itself, so an escaped one would be
// escaped twice. Upload URLs are used verbatim, so they are escaped here.
import { PATHS } from '../constants';
import { encodePath } from './cloud-path';

export const UPLOAD_PREFIX = `${PATHS.storage}upload/`;
export const FILES_PREFIX = `${PATHS.storage}files/`;

export const uploadUrl = (baseUrl: string, cloudPath: string) => `${baseUrl}${UPLOAD_PREFIX}${encodePath(cloudPath)}`;
export const tempFileUrl = (baseUrl: string, cloudPath: string) => `${baseUrl}${FILES_PREFIX}${cloudPath}`;
export const encodedFileUrl = (baseUrl: string, cloudPath: string) =>
  `${baseUrl}${FILES_PREFIX}${encodePath(cloudPath)}`;
