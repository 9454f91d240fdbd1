// MongoDB ObjectIds, as `db.ObjectId({ id })` sends them (`{"$oid": "<24 hex>"}`).
// Stored and matched as their own type (an ObjectId never equals the string of
// its hex); CloudBase hands them back to the SDK as the plain hex string.

const HEX24 = /^[0-9a-f]{24}$/i;

export class ObjectId {
  readonly hex: string;
  constructor(hex: string) {
    this.hex = hex.toLowerCase();
  }

  static isValid(value: unknown): value is string {
    return typeof value === 'string' && HEX24.test(value);
  }

  /** mingo compares instances of one class by toString(). */
  toString(): string {
    return this.hex;
  }

  toJSON(): string {
    return this.hex;
  }
}
