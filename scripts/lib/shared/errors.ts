/** An input problem that stops the ingest: shown as one message naming the file (and line), never a stack trace. */
export class IngestError extends Error {
  readonly file: string;
  readonly hint: string;
  readonly line?: number;

  constructor(file: string, message: string, hint: string, line?: number) {
    super(message);
    this.name = 'IngestError';
    this.file = file;
    this.hint = hint;
    this.line = line;
  }

  /** "sources/x.txt:12: message\n  hint" */
  format(): string {
    const where = this.line ? `${this.file}:${this.line}` : this.file;
    return `${where}: ${this.message}\n  How to fix: ${this.hint}`;
  }
}
