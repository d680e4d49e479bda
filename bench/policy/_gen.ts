import { ensureData } from './generate';
ensureData((m) => console.log(new Date().toISOString(), m));
