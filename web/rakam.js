/*
 * rakam.js — build/web/rakam.wasm'ı (common/'un C kodu) yükler ve C işlevlerini saran
 * küçük bir nesne döndürür. Hem sayfa (rakam.html, <script> ile) hem Node.js sınaması
 * (web/esleme.js, require ile) bunu kullanır: tarayıcıdaki ve sınamadaki kod aynıdır.
 *
 *   const r = await RakamWasm(wasmBaytlari);
 *   r.load(0, modelBaytlari, 1);             // 0: MLP (lesson02), 1: CNN (lesson04)
 *   const s = r.read(1, gri, 280, 280);       // {verdict, text, digit, top, ink, probs, img}
 *   const f = r.fmaps(1);                     // {c, h, w, data} ilk evrişimin haritaları
 *   const z = r.forward(1, x, B);             // (B,784) -> (B,10) logit
 *
 * WASI: C kütüphanesi yalnızca hata yazmak (fd_write) ve die() için (proc_exit) dışarıya
 * ihtiyaç duyar; bunların karşılığı aşağıdaki birkaç satırdır (ağ, dosya yok).
 */
(function (kok) {
  "use strict";
  async function RakamWasm(wasmBytes) {
    let mem = null;
    const utf8 = new TextDecoder("utf-8");
    let stderr = "";
    const u32 = () => new Uint32Array(mem.buffer);
    const wasi = {
      fd_write(fd, iovs, n, nwritten) {
        const U = u32(), B = new Uint8Array(mem.buffer);
        let tot = 0;
        for (let i = 0; i < n; i++) {
          const p = U[(iovs >> 2) + 2 * i], len = U[(iovs >> 2) + 2 * i + 1];
          stderr += utf8.decode(B.slice(p, p + len));
          tot += len;
        }
        U[nwritten >> 2] = tot;
        let k;
        while ((k = stderr.indexOf("\n")) >= 0) {
          console.error(stderr.slice(0, k));
          stderr = stderr.slice(k + 1);
        }
        return 0;
      },
      fd_close() { return 0; },
      fd_seek(fd, off, whence, newoff) { u32()[newoff >> 2] = 0; u32()[(newoff >> 2) + 1] = 0; return 0; },
      fd_fdstat_get(fd, st) { new Uint8Array(mem.buffer, st, 24).fill(0); new Uint8Array(mem.buffer)[st] = 2; return 0; },
      proc_exit(code) { throw new Error("rakam.wasm sonlandı (çıkış kodu " + code + "): " + stderr); },
    };
    const { instance } = await WebAssembly.instantiate(wasmBytes, { wasi_snapshot_preview1: wasi });
    const e = instance.exports;
    mem = e.memory;
    e._initialize();
    const cstr = (p) => {
      const B = new Uint8Array(mem.buffer);
      let q = p;
      while (B[q]) q++;
      return utf8.decode(B.slice(p, q));
    };
    const copyIn = (arr) => {
      const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
      const p = e.rk_buf(bytes.length);
      if (!p) throw new Error("wasm belleği ayrılamadı (" + bytes.length + " bayt)");
      new Uint8Array(mem.buffer, p, bytes.length).set(bytes);
      return p;
    };
    return {
      exports: e,
      load(slot, modelBytes, maxBatch) {
        const p = copyIn(modelBytes);
        const rc = e.rk_load(slot, p, modelBytes.length, maxBatch || 1);
        e.rk_free(p);
        if (rc !== 0) throw new Error(cstr(e.rk_error()));
      },
      read(slot, gray, w, h) {
        const p = copyIn(gray);
        const v = e.rk_read(slot, p, w, h);
        e.rk_free(p);
        if (v < 0) throw new Error(cstr(e.rk_error()));
        return {
          verdict: v,
          text: cstr(e.rk_verdict_text(v)),
          digit: e.rk_digit(),
          top: e.rk_top(),
          ink: e.rk_ink(),
          probs: new Float32Array(mem.buffer, e.rk_probs(), 10).slice(),
          logits: new Float32Array(mem.buffer, e.rk_logits(), 10).slice(),
          img: new Uint8Array(mem.buffer, e.rk_img(), 784).slice(),
        };
      },
      fmaps(slot) {
        const c = e.rk_fmap_c(slot), h = e.rk_fmap_h(slot), w = e.rk_fmap_w(slot);
        if (!c) return null;
        return { c, h, w, data: new Float32Array(mem.buffer, e.rk_fmaps(slot), c * h * w).slice() };
      },
      forward(slot, x, B) {
        const p = copyIn(x);
        const z = e.rk_forward(slot, p, B);
        e.rk_free(p);
        if (!z) throw new Error(cstr(e.rk_error()) || "rk_forward: geçersiz yığın");
        return new Float32Array(mem.buffer, z, B * 10).slice();
      },
    };
  }
  if (typeof module !== "undefined" && module.exports) module.exports = { RakamWasm };
  else kok.RakamWasm = RakamWasm;
})(typeof globalThis !== "undefined" ? globalThis : this);
