// A long-lived ONNX Runtime process for bench/Onyx.Bench's compare mode. It reads one JSON command per line on
// stdin and answers each with one JSON line on stdout:
//   {"load": MODEL, "threads": N, "inputs": [PB, ...]}  creates the session (intra-op N threads, inter-op 1,
//        optimization level all, sequential execution, intra-op spinning off, log errors only) and reads the inputs; without
//        "inputs", MODEL's folder's test_data_set_0/input_N.pb. Runs once to learn the outputs' shapes and allocates a
//        tensor per output for the runs below to write into (pre-allocated fetches), as a hot loop would.
//        Answers {"ms": creation time, "inputs", "outputs"}.
//   {"run": K}         runs K times into the pre-allocated outputs; answers {"ms": [each run's milliseconds,
//        performance.now around session.run]}.
//   {"outputs": DIR}   runs once and writes output i as DIR/output_i.bin (raw little-endian elements); answers
//        {"outputs": [{"name", "type", "dims", "file"}, ...]}.
// A failed command answers {"error": message}. The process ends when stdin closes.
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import ort from 'onnxruntime-node';

// TensorProto.DataType → the onnxruntime-node tensor type and its typed array.
const elementTypes = {
  1: ['float32', Float32Array], 2: ['uint8', Uint8Array], 3: ['int8', Int8Array], 4: ['uint16', Uint16Array],
  5: ['int16', Int16Array], 6: ['int32', Int32Array], 7: ['int64', BigInt64Array], 9: ['bool', Uint8Array],
  11: ['float64', Float64Array], 12: ['uint32', Uint32Array], 13: ['uint64', BigUint64Array],
};

function readVarint(bytes, at) {
  let value = 0n, shift = 0n;
  for (;;) {
    const b = bytes[at.i++];
    value |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return value;
    shift += 7n;
  }
}

// The fields of a TensorProto the benchmark data uses: dims (1), data_type (2), float_data (4), int32_data (5),
// int64_data (7), name (8), raw_data (9), double_data (10); any other field is skipped.
function parseTensorProto(bytes) {
  const tensor = { dims: [], dataType: 0, name: '', raw: null, floats: [], ints: [], int64s: [], doubles: [] };
  const at = { i: 0 };
  while (at.i < bytes.length) {
    const key = Number(readVarint(bytes, at));
    const field = key >>> 3, wire = key & 7;
    if (wire === 0) {
      const v = readVarint(bytes, at);
      if (field === 1) tensor.dims.push(Number(v));
      else if (field === 2) tensor.dataType = Number(v);
      else if (field === 5) tensor.ints.push(Number(BigInt.asIntN(32, v)));
      else if (field === 7) tensor.int64s.push(BigInt.asIntN(64, v));
    } else if (wire === 2) {
      const length = Number(readVarint(bytes, at));
      const body = bytes.subarray(at.i, at.i + length);
      at.i += length;
      if (field === 8) tensor.name = Buffer.from(body).toString('utf8');
      else if (field === 9) tensor.raw = body;
      else if (field === 4) tensor.floats.push(...new Float32Array(body.slice().buffer));
      else if (field === 10) tensor.doubles.push(...new Float64Array(body.slice().buffer));
      else if (field === 1 || field === 5 || field === 7) {
        const inner = { i: 0 };
        while (inner.i < body.length) {
          const v = readVarint(body, inner);
          if (field === 1) tensor.dims.push(Number(v));
          else if (field === 5) tensor.ints.push(Number(BigInt.asIntN(32, v)));
          else tensor.int64s.push(BigInt.asIntN(64, v));
        }
      }
    } else if (wire === 5) at.i += 4;
    else if (wire === 1) at.i += 8;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  const entry = elementTypes[tensor.dataType];
  if (!entry) throw new Error(`tensor '${tensor.name}': data type ${tensor.dataType} is not supported`);
  const [type, ArrayType] = entry;
  let data;
  if (tensor.raw) data = new ArrayType(tensor.raw.slice().buffer);
  else if (tensor.dataType === 1) data = Float32Array.from(tensor.floats);
  else if (tensor.dataType === 11) data = Float64Array.from(tensor.doubles);
  else if (tensor.dataType === 7) data = BigInt64Array.from(tensor.int64s);
  else data = ArrayType.from(tensor.ints);
  return { name: tensor.name, tensor: new ort.Tensor(type, type === 'bool' ? Uint8Array.from(data, v => (v ? 1 : 0)) : data, tensor.dims) };
}

function defaultInputs(model) {
  const dataSet = join(dirname(model), 'test_data_set_0');
  return readdirSync(dataSet).filter(f => /^input_\d+\.pb$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]))
    .map(f => join(dataSet, f));
}

let session = null;
let feeds = null;
let fetches = null;

async function load(command) {
  if (session) await session.release();
  session = null;
  feeds = null;
  fetches = null;
  const start = performance.now();
  session = await ort.InferenceSession.create(command.load, {
    intraOpNumThreads: command.threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    logSeverityLevel: 3,
    // Idle intra-op threads would spin while the other runtime runs its turn of the alternation.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
  const ms = performance.now() - start;
  const tensors = (command.inputs ?? defaultInputs(command.load)).map(path => parseTensorProto(new Uint8Array(readFileSync(path))));
  feeds = {};
  session.inputNames.forEach((name, i) => {
    const byName = tensors.find(t => t.name === name);
    const tensor = byName ?? tensors[i];
    if (!tensor) throw new Error(`no data for input '${name}'`);
    feeds[name] = tensor.tensor;
  });
  const first = await session.run(feeds);
  fetches = {};
  for (const name of session.outputNames) {
    const t = first[name];
    fetches[name] = new ort.Tensor(t.type, new t.data.constructor(t.data.length), t.dims);
  }
  return { ms, inputs: session.inputNames, outputs: session.outputNames };
}

async function run(count) {
  const ms = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await session.run(feeds, fetches);
    ms.push(performance.now() - start);
  }
  return { ms };
}

async function writeOutputs(folder) {
  mkdirSync(folder, { recursive: true });
  const results = await session.run(feeds, fetches);
  return {
    outputs: session.outputNames.map((name, i) => {
      const tensor = results[name];
      const file = join(folder, `output_${i}.bin`);
      writeFileSync(file, Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
      return { name, type: tensor.type, dims: tensor.dims, file };
    }),
  };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let reply;
  try {
    const command = JSON.parse(line);
    if ('load' in command) reply = await load(command);
    else if (!feeds) throw new Error('no model is loaded');
    else if ('run' in command) reply = await run(command.run);
    else if ('outputs' in command) reply = await writeOutputs(command.outputs);
    else throw new Error(`unknown command ${line}`);
  } catch (e) {
    reply = { error: String(e?.message ?? e) };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
}
