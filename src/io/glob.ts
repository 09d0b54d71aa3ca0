import fs from 'node:fs';
import path from 'node:path';

/**
 * A small glob matcher (Node 20 has no fs.globSync): `*` and `?` within one path segment,
 * `**` for any number of folders, `[abc]`/`[a-z]`/`[!a]` classes and `{a,b}` alternatives.
 * Hidden files and folders are matched only by a pattern segment that starts with a dot.
 */

const MAGIC = /[*?[{]/;

export function hasGlobMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Expands `{a,b}` alternatives (nested ones too) into plain patterns. */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') { if (depth++ === 0) open = i; }
    else if (c === '}' && depth > 0 && --depth === 0) {
      const inner = pattern.slice(open + 1, i);
      const parts: string[] = [];
      let d = 0;
      let from = 0;
      for (let j = 0; j < inner.length; j++) {
        const ch = inner[j];
        if (ch === '\\') { j++; continue; }
        if (ch === '{') d++;
        else if (ch === '}') d--;
        else if (ch === ',' && d === 0) { parts.push(inner.slice(from, j)); from = j + 1; }
      }
      parts.push(inner.slice(from));
      if (parts.length < 2) continue;
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return parts.flatMap(p => expandBraces(head + p + tail));
    }
  }
  return [pattern];
}

/** A regular expression for one path segment (no `/`, no braces). */
function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] ?? '';
    if (c === '\\' && i + 1 < segment.length) { re += escape(segment[++i] ?? ''); continue; }
    if (c === '*') { re += '[^/]*'; continue; }
    if (c === '?') { re += '[^/]'; continue; }
    if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close > 0) {
        let body = segment.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        re += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, m => `\\${m}`)}]`;
        i = close;
        continue;
      }
    }
    re += escape(c);
  }
  return new RegExp(`^${re}$`, 'u');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function listDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function isDir(entry: fs.Dirent, full: string): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try { return fs.statSync(full).isDirectory(); } catch { return false; }
}

/** The paths that match `pattern`, files and folders, in name order, without duplicates. */
export function globSync(pattern: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const alt of expandBraces(pattern)) {
    const absolute = path.isAbsolute(alt);
    const segments = alt.split(/[\\/]+/).filter((s, i) => s !== '' || i === 0);
    let base = absolute ? path.parse(alt).root : '.';
    if (absolute) segments.shift();
    // the leading segments without magic are a plain folder path
    const prefix: string[] = [];
    while (segments.length > 1 && !hasGlobMagic(segments[0] ?? '')) prefix.push(segments.shift() ?? '');
    if (prefix.length) base = absolute ? path.join(base, ...prefix) : path.join(...prefix);
    const results: string[] = [];
    walk(base, segments, results, !absolute && !prefix.length);
    for (const r of results) if (!seen.has(r)) { seen.add(r); out.push(r); }
  }
  return out;
}

function walk(dir: string, segments: string[], results: string[], relativeToCwd: boolean): void {
  const [segment, ...rest] = segments;
  if (segment === undefined) return;
  const join = (name: string): string => (relativeToCwd && dir === '.' ? name : path.join(dir, name));
  if (segment === '**') {
    // zero folders
    if (rest.length) walk(dir, rest, results, relativeToCwd);
    for (const entry of listDir(dir)) {
      if (entry.name.startsWith('.')) continue;
      const full = join(entry.name);
      // symbolic links to folders are not followed here, so a link loop cannot recurse forever
      if (entry.isDirectory()) walk(full, segments, results, false);
      else if (!rest.length) results.push(full);
    }
    return;
  }
  if (!hasGlobMagic(segment)) {
    const full = join(segment.replace(/\\(.)/g, '$1'));
    if (!rest.length) { if (fs.existsSync(full)) results.push(full); return; }
    walk(full, rest, results, false);
    return;
  }
  const re = segmentRegExp(segment);
  const dotOk = segment.startsWith('.');
  for (const entry of listDir(dir)) {
    if (entry.name.startsWith('.') && !dotOk) continue;
    if (!re.test(entry.name)) continue;
    const full = join(entry.name);
    if (!rest.length) results.push(full);
    else if (isDir(entry, full)) walk(full, rest, results, false);
  }
}
