import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '@shared/api/contract';
import type { Caller, CoreDeps } from '../context';
import type { Sessions } from '../accounts/sessions';

/** A handler gets input already validated against the contract, and the checked caller. */
export type Handler<M extends MethodName> = (
  input: z.output<Contract[M]['input']>,
  caller: Caller,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** What every feature's handler table is built from. */
export interface CoreEnv extends CoreDeps {
  sessions: Sessions;
  /** app version, shown in the status bar */
  version: string;
}

/** Narrows a caller the dispatcher has already checked to be signed in. */
export function signedIn(caller: Caller) {
  if (!caller.staff) throw new Error('dispatcher let an anonymous caller through');
  return caller.staff;
}
