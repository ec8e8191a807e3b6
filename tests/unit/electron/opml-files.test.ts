import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { createOpmlFilePort, readOpmlFile } from '../../../electron/opml-files';
import { OpmlFileError } from '../../../shared/app/opml';

const dir = mkdtempSync(join(tmpdir(), 'status-tray-opml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OPML = '<?xml version="1.0"?><opml version="2.0"><body><outline text="Ünïcode" xmlUrl="https://x.example/feed"/></body></opml>';

function write(name: string, data: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe('readOpmlFile', () => {
  it('reads UTF-8, and UTF-16 files that start with a byte-order mark', async () => {
    expect(await readOpmlFile(write('utf8.opml', OPML))).toBe(OPML);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OPML, 'utf16le')]);
    expect(await readOpmlFile(write('utf16.opml', utf16))).toBe(OPML);
  });

  it('refuses a file over the size limit, a folder and a missing file with a sentence', async () => {
    const big = write('big.opml', 'x'.repeat(2049));
    await expect(readOpmlFile(big, 2048)).rejects.toThrow(OpmlFileError);
    await expect(readOpmlFile(big, 2048)).rejects.toThrow(/larger than 2 KB/);
    expect(await readOpmlFile(big, 2049)).toHaveLength(2049);
    const folder = join(dir, 'folder.opml');
    mkdirSync(folder);
    await expect(readOpmlFile(folder)).rejects.toThrow('That is not a file.');
    await expect(readOpmlFile(join(dir, 'missing.opml'))).rejects.toThrow(/could not be opened \(ENOENT\)/);
  });
});

describe('createOpmlFilePort', () => {
  function port(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }) {
    const asked: Array<OpenDialogOptions | SaveDialogOptions> = [];
    const files = createOpmlFilePort({
      showOpenDialog: async (options) => {
        asked.push(options);
        return open;
      },
      showSaveDialog: async (options) => {
        asked.push(options);
        return { canceled: save.canceled, filePath: save.filePath ?? '' };
      },
      defaultDir: () => dir,
    });
    return { files, asked };
  }

  it('reads the chosen file, and returns undefined for a cancelled dialog', async () => {
    const chosen = write('chosen.opml', OPML);
    expect(await port({ canceled: false, filePaths: [chosen] }, { canceled: true }).files.chooseImport()).toBe(OPML);
    expect(await port({ canceled: true, filePaths: [] }, { canceled: true }).files.chooseImport()).toBeUndefined();
  });

  it('offers the suggested name in the start folder, adds .opml when the user typed no extension, and writes the text', async () => {
    const target = join(dir, 'export-1');
    const { files, asked } = port({ canceled: true, filePaths: [] }, { canceled: false, filePath: target });
    expect(await files.saveExport('<opml/>', 'status-tray-sources.opml')).toBe(`${target}.opml`);
    expect((asked[0] as SaveDialogOptions).defaultPath).toBe(join(dir, 'status-tray-sources.opml'));
    expect(readFileSync(`${target}.opml`, 'utf8')).toBe('<opml/>');
    const xml = join(dir, 'export-2.xml');
    expect(await port({ canceled: true, filePaths: [] }, { canceled: false, filePath: xml }).files.saveExport('<opml/>', 'x.opml')).toBe(xml);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const before = readdirSync(dir).length;
    expect(await port({ canceled: true, filePaths: [] }, { canceled: true }).files.saveExport('<opml/>', 'x.opml')).toBeUndefined();
    expect(readdirSync(dir)).toHaveLength(before);
  });
});
