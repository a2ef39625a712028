/**
 * HDF5 files (Keras weights) read with h5wasm, after a cheap check of the file's header so
 * that a wrong or truncated file gets a clear error instead of HDF5's own diagnostics.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { WeightsFileError } from "./pretrained-errors";

export { loadH5wasm, type H5wasmModule } from "../hdf5/load-h5wasm";

const HDF5_SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);

function readUnsigned(buffer: Buffer, offset: number, size: number): number {
  if (size === 8) return Number(buffer.readBigUInt64LE(offset));
  if (size === 4) return buffer.readUInt32LE(offset);
  if (size === 2) return buffer.readUInt16LE(offset);
  throw new Error(`tamanho de endereço ${size} não suportado`);
}

/**
 * Checks that `filePath` is an HDF5 file and is complete: the signature is at the start and
 * the end-of-file address recorded in the superblock (versions 0–3) fits in the file.
 *
 * @throws {WeightsFileError} When the file is missing, is not HDF5 or is truncated.
 */
export function checkHdf5File(filePath: string): void {
  let size: number;
  try {
    size = statSync(filePath).size;
  } catch (error) {
    throw new WeightsFileError(
      `O arquivo de pesos "${filePath}" não existe ou não pode ser lido. Confira o caminho (ou a variável de ambiente que o indica).`,
      { cause: error },
    );
  }
  const header = Buffer.alloc(96);
  const fd = openSync(filePath, "r");
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 48 || !header.subarray(0, 8).equals(HDF5_SIGNATURE)) {
    throw new WeightsFileError(
      `"${filePath}" não é um arquivo HDF5 (${size} bytes, sem a assinatura \\x89HDF no início). ` +
        "Esperava um arquivo de pesos do Keras (.h5); baixe-o de novo ou confira se o caminho aponta para o arquivo certo.",
    );
  }
  const version = header[8] ?? -1;
  let endOfFile: number;
  let baseAddress: number;
  if (version === 0 || version === 1) {
    const offsetSize = header[13] ?? 8;
    const start = version === 0 ? 24 : 28;
    baseAddress = readUnsigned(header, start, offsetSize);
    endOfFile = readUnsigned(header, start + 2 * offsetSize, offsetSize);
  } else if (version === 2 || version === 3) {
    const offsetSize = header[9] ?? 8;
    baseAddress = readUnsigned(header, 12, offsetSize);
    endOfFile = readUnsigned(header, 12 + 2 * offsetSize, offsetSize);
  } else {
    throw new WeightsFileError(`"${filePath}": versão ${version} do superbloco HDF5 desconhecida; o arquivo parece corrompido.`);
  }
  if (baseAddress + endOfFile > size) {
    throw new WeightsFileError(
      `"${filePath}" está truncado: o cabeçalho HDF5 diz que o arquivo tem ${baseAddress + endOfFile} bytes, mas ele tem ${size}. ` +
        "Provavelmente o download foi interrompido: apague o arquivo e baixe-o de novo.",
    );
  }
}
