// Database errors with the codes and messages CloudBase uses.
import { EmulatorError } from '../core/errors';

export const collectionNotExist = (name: string) =>
  new EmulatorError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );

export const collectionExists = (name: string) =>
  new EmulatorError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`);

export const duplicateKey = (collection: string, index: string, key: string) =>
  new EmulatorError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
  );

// CloudBase's own wording, as its SDK surfaces it.
export const transactionConflict = () =>
  new EmulatorError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  );

/** After commit or abort, on expiry, or after a conflict ended it. */
export const transactionNotFound = () =>
  new EmulatorError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  );

export const invalidOperator = (message: string) => new EmulatorError('DATABASE_INVALID_OPERRATOR', message);

export const requestFailed = (message: string) => new EmulatorError('DATABASE_REQUEST_FAILED', message);
