/**
 * The command line of `npm run bench`, parsed into options; every mistake becomes a
 * BenchArgumentError that says what was expected, what arrived and what to do.
 */
import { parseArgs } from "node:util";
import { BenchArgumentError } from "./bench-errors";
import { PEER_IDS, type PeerId } from "./peer-result";

export const BENCH_USAGE = `Uso: npm run bench [-- opções]
  --repeticoes N      repetições cronometradas por carga, depois do aquecimento (padrão 5)
  --rapido            tamanhos mínimos e 1 repetição: confere que tudo roda, não mede nada
                      (sem VGG16 lote 8, sem apostilas)
  --pares LISTA       pares a rodar, separados por vírgula (padrão: ${PEER_IDS.join(",")})
  --sem-apostilas     não mede o tempo de gerar todas as apostilas (~10 min)
  --sem-notebooks     não mede o início do kernel nem a latência das células
  --saida PASTA       onde gravar bench-<data>.json e .md (padrão artifacts/bench)
  --comparar ARQUIVO  compara com um relatório anterior (.json) e mostra as razões depois/antes
  -h, --help          esta ajuda`;

export interface BenchOptions {
  repetitions: number;
  quick: boolean;
  peers: PeerId[];
  handouts: boolean;
  notebooks: boolean;
  /** Output folder (relative to the current folder), or undefined for artifacts/bench. */
  outputDir: string | undefined;
  compareWith: string | undefined;
  help: boolean;
}

function fail(message: string): never {
  throw new BenchArgumentError(`${message}\n${BENCH_USAGE}`);
}

/** @throws {BenchArgumentError} For an unknown option, a bad number or an unknown peer. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        repeticoes: { type: "string" },
        rapido: { type: "boolean", default: false },
        pares: { type: "string" },
        "sem-apostilas": { type: "boolean", default: false },
        "sem-notebooks": { type: "boolean", default: false },
        saida: { type: "string" },
        comparar: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    fail(`Argumento não reconhecido: ${detail}. Confira a grafia das opções abaixo (elas começam com --).`);
  }
  const { values } = parsed;
  let repetitions = 5;
  if (values.repeticoes !== undefined) {
    repetitions = Number(values.repeticoes);
    if (!/^\d+$/.test(values.repeticoes.trim()) || !Number.isInteger(repetitions) || repetitions < 1) {
      fail(`--repeticoes espera um inteiro ≥ 1 (por exemplo --repeticoes 5); veio "${values.repeticoes}".`);
    }
  }
  let peers = [...PEER_IDS];
  if (values.pares !== undefined) {
    const asked = values.pares.split(",").map((name) => name.trim()).filter(Boolean);
    const unknown = asked.filter((name) => !(PEER_IDS as readonly string[]).includes(name));
    if (asked.length === 0 || unknown.length > 0) {
      fail(`--pares espera nomes entre ${PEER_IDS.join(", ")}, separados por vírgula; veio "${values.pares}".`);
    }
    peers = PEER_IDS.filter((peer) => asked.includes(peer));
  }
  if (values.comparar !== undefined && !values.comparar.endsWith(".json")) {
    fail(`--comparar espera o .json de um relatório anterior (artifacts/bench/bench-….json); veio "${values.comparar}".`);
  }
  return {
    repetitions,
    quick: values.rapido,
    peers,
    handouts: !values["sem-apostilas"] && !values.rapido,
    notebooks: !values["sem-notebooks"],
    outputDir: values.saida,
    compareWith: values.comparar,
    help: values.help,
  };
}
