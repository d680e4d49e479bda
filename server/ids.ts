import { v7 } from 'uuid';

/** Ids the centre makes (staff): UUIDv7, as the workstation's. */
export const newId = (): string => v7();
