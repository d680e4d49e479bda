import m0001 from './0001-initial';
import m0002 from './0002-feed-without-audience-index';

/** Every migration in order; version n is MIGRATIONS[n - 1]. Never edit one that has shipped. */
export const MIGRATIONS: readonly string[] = [m0001, m0002];
