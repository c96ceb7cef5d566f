/** One data validator run by `npm run validate-data` (and so by `npm test`). */
export interface DataValidator {
  name: string;
  /** Returns problems as `file:line: message` strings; empty when the data is valid. */
  validate(): Promise<string[]> | string[];
}
