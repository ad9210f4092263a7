/** Office's own limit on an open password: checked in main before a job starts, without loading the XLSX writer. */
export const XLSX_MAX_PASSWORD = 255;
