// The centre's answers other than 2xx: the `code` of SyncErrorBody and its HTTP status. 4xx is for
// good (the workstation keeps what it sent and shows why); 5xx and network errors are retried with
// backoff (docs/sync-protocol.md). A 401 means the device must be enrolled again: stop syncing.

export const SYNC_ERRORS = {
  /** the body is not JSON */
  malformed_json: 400,
  /** JSON, but not what the endpoint takes (detail names the field) */
  invalid_request: 400,
  /** no `Authorization: Bearer <deviceId>.<secret>` */
  unauthenticated: 401,
  /** the credential names no device, or its secret is wrong */
  credential_invalid: 401,
  /** the centre's administrators revoked this device */
  device_revoked: 401,
  /** enrolment: no such code */
  enrol_code_invalid: 403,
  /** enrolment: the code has been used */
  enrol_code_used: 403,
  /** enrolment: the code has expired */
  enrol_code_expired: 403,
  /** enrolment: this device id was revoked; the administrators must readmit it */
  enrol_device_revoked: 403,
  not_found: 404,
  method_not_allowed: 405,
  /** the body is larger than MAX_PUSH_BYTES */
  body_too_large: 413,
  /** more than MAX_PUSH_BATCH mutations */
  batch_too_large: 413,
  unsupported_media_type: 415,
  // blobs (server/blobs): tus uploads under /v1/uploads, kept blobs under /v1/blobs/<sha256>
  /** Upload-Metadata lacks sha256 (64 lowercase hex), or carries keys other than sha256 and filename */
  blob_metadata_invalid: 400,
  /** a tus upload without Upload-Length (deferred length is not taken) */
  blob_length_required: 400,
  /** /v1/blobs/<name>: the name is no SHA-256 */
  bad_sha256: 400,
  /** a tus request the centre cannot take (missing or bad tus headers) */
  upload_bad_request: 400,
  /** the centre does not keep this blob */
  blob_not_found: 404,
  /** no such upload (or it belongs to another device) */
  upload_not_found: 404,
  /** the PATCH's Upload-Offset is not the upload's: HEAD it and resume from there */
  upload_offset_mismatch: 409,
  /** the unfinished upload expired and was deleted: start a new one */
  upload_gone: 410,
  /** the blob is larger than the centre takes (default 200 MB) */
  blob_too_large: 413,
  /** the uploaded bytes do not hash to the sha256 they were sent as: deleted, nothing kept */
  blob_hash_mismatch: 422,
  internal: 500,
  unavailable: 503,
} as const;
export type SyncErrorCode = keyof typeof SYNC_ERRORS;

/**
 * Why one mutation of a push was refused for good (MutationResult `rejected`). The others of the
 * batch are not affected.
 */
export const REJECT_CODES = {
  /** the mutation's own fields are wrong (seq, createdAt, blobs …) */
  invalid_mutation: 'invalid_mutation',
  /** shared/sync/mutation-types.ts does not know the entity */
  unknown_entity: 'unknown_entity',
  /** … or the op */
  unknown_op: 'unknown_op',
  /** the payload is not an object, fails its schema, or names another record than entityId */
  invalid_payload: 'invalid_payload',
  /** another device already pushed a mutation with this id (logged at the centre) */
  id_taken: 'id_taken',
  /** this device already pushed another mutation with this seq */
  seq_reused: 'seq_reused',
  /** a change to an application the centre does not know, from a device that did not accept it */
  unknown_application: 'unknown_application',
} as const;
export type RejectCode = keyof typeof REJECT_CODES;
