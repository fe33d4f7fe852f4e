/** Something in a source the ingest could not use as it stands. Never fatal. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}
