// The operator's address labels (LABELS_FILE): CSV with a header row, or JSON, each entry an
// address, a label and optionally a note and a link. Pure: config/index.ts reads the file.

export interface OperatorLabel {
  address: `0x${string}`;
  label: string;
  note?: string;
  link?: string;
}

const MAX_LABEL_LENGTH = 80;
const MAX_NOTE_LENGTH = 500;
const COLUMNS = ['address', 'label', 'note', 'link'] as const;

/** Thrown with a message that names the entry and what is wrong with it. */
export class LabelsError extends Error {
  override name = 'LabelsError';
}

/** RFC 4180 records: fields split on commas, quoted fields may hold commas, quotes ("") and newlines. */
export function csvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') out.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) throw new LabelsError(`line ${recordLine}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}

function entry(raw: Record<string, unknown>, where: string): OperatorLabel {
  const text = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new LabelsError(`${where}: ${key} must be text`);
    return v.trim() === '' ? undefined : v.trim();
  };
  const address = text('address');
  if (!address || !/^0x[0-9a-fA-F]{40}$/.test(address)) {
    throw new LabelsError(`${where}: address "${address ?? ''}" is not a 0x-prefixed 20-byte hex address`);
  }
  const label = text('label');
  if (!label) throw new LabelsError(`${where}: the label is empty`);
  if (label.length > MAX_LABEL_LENGTH) throw new LabelsError(`${where}: the label is longer than ${MAX_LABEL_LENGTH} characters`);
  const note = text('note');
  if (note && note.length > MAX_NOTE_LENGTH) throw new LabelsError(`${where}: the note is longer than ${MAX_NOTE_LENGTH} characters`);
  const link = text('link');
  if (link !== undefined) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(link).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new LabelsError(`${where}: link "${link}" is not an http(s) URL`);
  }
  return { address: address.toLowerCase() as `0x${string}`, label, ...(note ? { note } : {}), ...(link ? { link } : {}) };
}

/**
 * Labels from a file's text: JSON (an array of objects) when the name ends in .json or the
 * text starts with `[`, CSV with a header row otherwise. One address may be labelled once.
 */
export function parseLabels(text: string, fileName: string): OperatorLabel[] {
  let entries: OperatorLabel[];
  if (/\.json$/i.test(fileName) || text.trimStart().startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new LabelsError(`not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(data)) throw new LabelsError('the JSON must be an array of {address, label, note?, link?}');
    entries = data.map((x, i) => {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new LabelsError(`entry ${i + 1}: not an object`);
      return entry(x as Record<string, unknown>, `entry ${i + 1}`);
    });
  } else {
    const [header, ...rows] = csvRecords(text);
    if (!header) return [];
    const names = header.fields.map((h) => h.trim().toLowerCase());
    const unknown = names.find((n) => !(COLUMNS as readonly string[]).includes(n));
    if (unknown !== undefined || !names.includes('address') || !names.includes('label')) {
      throw new LabelsError(`line ${header.line}: the header must name the columns address,label[,note][,link]${unknown !== undefined ? `; "${unknown}" is not one` : ''}`);
    }
    entries = rows.map(({ line, fields }) => {
      if (fields.length > names.length) throw new LabelsError(`line ${line}: ${fields.length} fields, the header names ${names.length}`);
      return entry(Object.fromEntries(names.map((n, i) => [n, fields[i]])), `line ${line}`);
    });
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.address)) throw new LabelsError(`${e.address} is labelled twice`);
    seen.add(e.address);
  }
  return entries;
}
