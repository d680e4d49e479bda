// The little of pouchdb-node the sync benchmark uses (the package ships no types).
declare module 'pouchdb-node' {
  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
  }
  interface Doc {
    _id: string;
    [key: string]: unknown;
  }
  class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    bulkDocs(docs: Doc[]): Promise<{ ok?: boolean; error?: string }[]>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    close(): Promise<void>;
    static replicate(source: PouchDB | string, target: PouchDB | string, options?: { batch_size?: number; batches_limit?: number }): Promise<ReplicationResult>;
  }
  export default PouchDB;
}
