import { v7 } from 'uuid';

/** UUIDv7: made on the workstation, unique across devices, sorts by creation time. */
export const newId = (): string => v7();
