/** `insert into "table" ("a", "b", …) `: the head both bulk inserts put before their rows. */
export const insertHead = (table: string, columns: readonly string[]) => `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) `;
