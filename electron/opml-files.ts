/**
 * The desktop side of OPML import/export: native open/save dialogs and file I/O behind `OpmlFilePort`
 * (shared/app/opml.ts), so the controller never touches the file system and the renderer never names a path.
 * Reads at most MAX_OPML_FILE_BYTES; writes atomically (temp file, fsync, rename).
 */
import { open } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { MAX_OPML_FILE_BYTES, OpmlFileError, type OpmlFilePort } from '../shared/app/opml';
import { writeFileAtomic } from '../shared/platform/node/json-file';

/** What the port needs from Electron: the two dialogs (already bound to a parent window) and a start folder. */
export interface OpmlFileDeps {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  /** Folder the dialogs start in, e.g. `app.getPath('documents')`. */
  defaultDir(): string;
}

const FILTERS = [
  { name: 'OPML subscription lists', extensions: ['opml', 'xml'] },
  { name: 'All files', extensions: ['*'] },
];

/** Decode a file: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8 (OPML's usual encoding). */
export function decodeOpmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Read `path` as text if it is a regular file of at most `maxBytes`.
 * @throws OpmlFileError with one sentence for the user (too large, not a file, unreadable).
 */
export async function readOpmlFile(path: string, maxBytes = MAX_OPML_FILE_BYTES): Promise<string> {
  const tooLarge = () => new OpmlFileError(`The file is larger than ${Math.round(maxBytes / 1024)} KB, too large for a subscription list.`);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new OpmlFileError(`The file could not be opened (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new OpmlFileError('That is not a file.');
    if (info.size > maxBytes) throw tooLarge();
    // Read one byte past the limit, so a file that grew after stat is still refused rather than cut.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge();
    }
    return decodeOpmlBytes(buffer.subarray(0, length));
  } catch (err) {
    if (err instanceof OpmlFileError) throw err;
    throw new OpmlFileError(`The file could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  } finally {
    await handle.close();
  }
}

/** The `OpmlFilePort` of the desktop app. */
export function createOpmlFilePort(deps: OpmlFileDeps): OpmlFilePort {
  return {
    async chooseImport() {
      const chosen = await deps.showOpenDialog({
        title: 'Import OPML',
        buttonLabel: 'Import',
        defaultPath: deps.defaultDir(),
        properties: ['openFile'],
        filters: FILTERS,
      });
      const path = chosen.filePaths[0];
      if (chosen.canceled || !path) return undefined;
      return readOpmlFile(path);
    },
    async saveExport(text, suggestedName) {
      const chosen = await deps.showSaveDialog({
        title: 'Export OPML',
        buttonLabel: 'Export',
        defaultPath: join(deps.defaultDir(), suggestedName),
        filters: FILTERS,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (chosen.canceled || !chosen.filePath) return undefined;
      // Linux dialogs do not add the extension a filter implies; a file without one would not reopen as OPML.
      const path = extname(chosen.filePath) ? chosen.filePath : `${chosen.filePath}.opml`;
      writeFileAtomic(path, text);
      return path;
    },
  };
}
