// A1 notation for formulas the preview writes: quoted tab names, column letters.

/** A tab name as a formula must write it: bare when it is a plain word, else in single quotes with ' doubled. */
export function quoteTab(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 1 -> A, 26 -> Z, 27 -> AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `Tab!A1:P20` for a block given by its first cell (1-based) and size. */
export function blockRef(tab: string, row: number, column: number, rows: number, columns: number): string {
  const start = `${columnName(column)}${row}`;
  const end = `${columnName(column + columns - 1)}${row + rows - 1}`;
  return `${quoteTab(tab)}!${start}:${end}`;
}
