/**
 * The new folder for one PDF per member, inside the folder the user picked: named by what the
 * letters are ("Fakturor 2026"), so a run never scatters hundreds of files into Documents.
 * Characters no file system takes are replaced; the separator follows the picked path's own
 * (Windows paths use "\").
 */
export function folderInside(parent: string, name: string): string {
  const sep = parent.includes('\\') && !parent.includes('/') ? '\\' : '/';
  const printable = [...name].map((c) => (c.charCodeAt(0) < 0x20 ? '-' : c)).join('');
  const safe = printable.replace(/[<>:"/\\|?*]/g, '-').replace(/[. ]+$/, '').trim() || 'Kansli';
  const base = parent.length > 1 ? parent.replace(/[\\/]+$/, '') : parent;
  return base.endsWith(sep) ? `${base}${safe}` : `${base}${sep}${safe}`;
}
