/*
 * esleme.js — WebAssembly ile yerel programın eşliği (parity), Node.js ile.
 *
 *   node textbook/web/esleme.js RAKAM.wasm MODEL[.gz] YEREL_LOGIT.f32 YEREL_TUVAL.f32 MNIST_KLASÖRÜ
 *
 * tests/test_web.c yerel C programıyla (aynı common/ kodu, -O2 -march=native) iki dosya
 * yazar ve bu betiği çağırır:
 *   YEREL_LOGIT.f32   10 000 MNIST test görüntüsünün logitleri (10 000 x 10 float32)
 *   YEREL_TUVAL.f32   ilk N test görüntüsünün "tuval" sürümünün olasılıkları (N x 10):
 *                     28x28 görüntü 10 kat büyütülüp (en yakın komşu) ters çevrilir
 *                     (beyaz zemin, koyu mürekkep: sayfadaki tuval gibi); sonra sayfanın
 *                     yolu: drawpad_prepare (hazırlık) + drawpad_classify
 *   node textbook/web/esleme.js --adlar ADLAR.wasm MODEL.ckpt[.gz] N SICAKLIK
 * lesson16'nın GPT'siyle 1..N tohumlarıyla N ad üretir, satır satır yazar (test_web yerel
 * üretimle karşılaştırır).
 * İlk biçimde aynısını wasm'da yapar, karşılaştırır ve tek satır yazar:
 *   SONUÇ: n=10000 argmax_agree=... max_dlogit=... canvas_n=N canvas_verdict_agree=...
 *          canvas_argmax_agree=... canvas_max_dprob=... ms_forward=...
 */
"use strict";
const fs = require("fs");
const zlib = require("zlib");
const path = require("path");
const { RakamWasm } = require(path.join(__dirname, "rakam.js"));

function fail(msg) {
  console.error("hata: " + msg);
  process.exit(1);
}

function readIdx(file, off) {
  try {
    return fs.readFileSync(file).subarray(off);
  } catch (e) {
    fail("'" + file + "' okunamadı: " + e.message);
  }
}

async function adlar([wasmPath, modelPath, n, t]) {
  const { AdlarWasm } = require(path.join(__dirname, "rakam.js"));
  let model = fs.readFileSync(modelPath);
  if (modelPath.endsWith(".gz")) model = zlib.gunzipSync(model);
  const a = await AdlarWasm(fs.readFileSync(wasmPath), model);
  for (let i = 1; i <= +n; i++) console.log(a.sample(+t, i));
}

(async () => {
  if (process.argv[2] === "--adlar") return adlar(process.argv.slice(3));
  const [wasmPath, modelPath, logitPath, canvasPath, mnist] = process.argv.slice(2);
  if (!mnist) fail("kullanım: node textbook/web/esleme.js RAKAM.wasm MODEL[.gz] YEREL_LOGIT.f32 YEREL_TUVAL.f32 MNIST");
  let model = fs.readFileSync(modelPath);
  if (modelPath.endsWith(".gz")) model = zlib.gunzipSync(model);
  const r = await RakamWasm(fs.readFileSync(wasmPath));
  const B = 100;
  r.load(0, model, B);
  const imgs = readIdx(path.join(mnist, "t10k-images-idx3-ubyte"), 16);
  const N = imgs.length / 784;
  const nat = new Float32Array(fs.readFileSync(logitPath).buffer.slice(0));
  if (nat.length !== N * 10) fail(logitPath + ": " + N * 10 + " sayı bekleniyordu, " + nat.length + " var");
  const argmax = (z, o) => {
    let m = 0;
    for (let k = 1; k < 10; k++) if (z[o + k] > z[o + m]) m = k;
    return m;
  };
  let agree = 0, maxd = 0;
  const x = new Float32Array(B * 784);
  const t0 = process.hrtime.bigint();
  for (let s = 0; s < N; s += B) {
    const b = Math.min(B, N - s);
    for (let i = 0; i < b * 784; i++) x[i] = imgs[s * 784 + i] / 255;
    const z = r.forward(0, x.subarray(0, b * 784), b);
    for (let i = 0; i < b; i++) {
      if (argmax(z, i * 10) === argmax(nat, (s + i) * 10)) agree++;
      for (let k = 0; k < 10; k++) maxd = Math.max(maxd, Math.abs(z[i * 10 + k] - nat[(s + i) * 10 + k]));
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;

  // Tuval yolu: hazırlık (handwriting) + sınıflandırma, yerel sonuçla karşılaştırılır.
  const can = new Float32Array(fs.readFileSync(canvasPath).buffer.slice(0));
  const nc = can.length / 11;   // her satır: karar, 10 olasılık
  const S = 280, F = S / 28, gray = new Uint8Array(S * S);
  let vAgree = 0, aAgree = 0, maxp = 0;
  for (let i = 0; i < nc; i++) {
    for (let y = 0; y < S; y++)
      for (let xx = 0; xx < S; xx++)
        gray[y * S + xx] = 255 - imgs[i * 784 + ((y / F) | 0) * 28 + ((xx / F) | 0)];
    const res = r.read(0, gray, S, S);
    const o = i * 11;
    if (res.verdict === can[o]) vAgree++;
    if (argmax(res.probs, 0) === argmax(can, o + 1)) aAgree++;
    for (let k = 0; k < 10; k++) maxp = Math.max(maxp, Math.abs(res.probs[k] - can[o + 1 + k]));
  }
  console.log("SONUÇ: n=" + N + " argmax_agree=" + agree + " max_dlogit=" + maxd.toExponential(2) +
              " canvas_n=" + nc + " canvas_verdict_agree=" + vAgree + " canvas_argmax_agree=" + aAgree +
              " canvas_max_dprob=" + maxp.toExponential(2) + " ms_forward=" + ms.toFixed(0));
})().catch((e) => fail(e.message));
