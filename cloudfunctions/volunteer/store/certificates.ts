// The volunteer_certificates collection: each issued 志愿服务记录证明 as the
// snapshot it shows (_id = its number: random, unguessable). issueKey is unique
// (the user, the period and the hours it certifies), so a repeated request with
// nothing changed returns the certificate already issued instead of a second one.
import type { VolunteerCertificate } from '../../../typings/volunteer-team';
import { COLLECTIONS } from '../../_shared/collections';
import { collection, findDoc, getDoc } from '../../_shared/db';
import { isDuplicateKey } from '../../_shared/errors';

export interface CertificateDoc {
  /** The certificate number. */
  _id: string;
  issueKey: string;
  userId: string;
  snapshot: VolunteerCertificate;
  issuedAt: Date;
}

const certificates = () => collection(COLLECTIONS.volunteerCertificates);

export function getCertificate(number: string): Promise<CertificateDoc | null> {
  return getDoc<CertificateDoc>(COLLECTIONS.volunteerCertificates, number);
}

export function certificateOfKey(issueKey: string): Promise<CertificateDoc | null> {
  return findDoc<CertificateDoc>(COLLECTIONS.volunteerCertificates, { issueKey });
}

/** Stores a new certificate; the one stored under its issueKey when another request got there first. */
export async function issueCertificate(doc: CertificateDoc): Promise<CertificateDoc> {
  try {
    await certificates().add(doc);
    return doc;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await certificateOfKey(doc.issueKey);
    if (existing) return existing;
    throw err;
  }
}
