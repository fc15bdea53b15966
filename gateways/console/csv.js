// csv.js — reading what liaisons bring from Excel (CSV files, TSV pasted from a sheet)
// and writing CSV that Excel opens (UTF-8 with a byte-order mark).

// Splits delimited text into records of fields. Quotes as RFC 4180 (a quoted field may
// hold the delimiter, line breaks and doubled quotes); records end in CRLF, LF or CR.
export function parseDelimited(text, delimiter) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i += 1; continue;
      }
      field += c; i += 1; continue;
    }
    if (c === '"' && atFieldStart) { quoted = true; atFieldStart = false; i += 1; continue; }
    if (c === delimiter) { record.push(field); field = ''; atFieldStart = true; i += 1; continue; }
    if (c === '\r' || c === '\n') {
      record.push(field); records.push(record);
      record = []; field = ''; atFieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c; atFieldStart = false; i += 1;
  }
  if (field !== '' || record.length > 0 || quoted) { record.push(field); records.push(record); }
  // Blank records (an empty line, or a row of empty cells as Excel copies them) carry nothing.
  return records.filter((r) => r.some((f) => f.trim() !== ''));
}

// The delimiter of a text from its first line: a tab (pasted from Excel), else a
// semicolon when the line has semicolons and no comma, else a comma.
export function detectDelimiter(text) {
  const nl = text.search(/[\r\n]/);
  const first = nl < 0 ? text : text.slice(0, nl);
  if (first.includes('\t')) return '\t';
  if (first.includes(';') && !first.includes(',')) return ';';
  return ',';
}

export function parseText(text) {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(clean);
  return { delimiter, records: parseDelimited(clean, delimiter) };
}

// Decodes a file's bytes: UTF-8 with or without BOM (checked strictly), UTF-16 with a
// BOM (Excel's "Unicode text"), else GB18030 (a superset of GBK, what Excel writes on a
// Chinese Windows). Answers { text, encoding } with encoding one of
// "utf-8-bom", "utf-8", "utf-16le", "utf-16be", "gb18030".
export function decodeBytes(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

// The name a person reads for a detected encoding.
export function encodingName(encoding) {
  return {
    'utf-8-bom': 'UTF-8 (BOM)', 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030',
  }[encoding] || encoding;
}

function csvField(value) {
  const s = value == null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

// CSV text (CRLF line ends) of records, prefixed with a BOM so that Excel reads UTF-8.
export function toCsv(records) {
  return '\ufeff' + records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// Offers text as a file download.
export function download(filename, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
