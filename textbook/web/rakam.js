/*
 * rakam.js — build/web/rakam.wasm'ı (common/'un C kodu) yükler ve C işlevlerini saran
 * küçük bir nesne döndürür. Hem sayfa (rakam.html, <script> ile) hem Node.js sınaması
 * (textbook/web/esleme.js, require ile) bunu kullanır: tarayıcıdaki ve sınamadaki kod aynıdır.
 *
 *   const r = await RakamWasm(wasmBaytlari);
 *   r.load(0, modelBaytlari, 1);             // 0: MLP (lesson02), 1: CNN (lesson04)
 *   const s = r.read(1, gri, 280, 280);       // {verdict, text, digit, top, ink, probs, img}
 *   const f = r.fmaps(1);                     // {c, h, w, data} ilk evrişimin haritaları
 *   const z = r.forward(1, x, B);             // (B,784) -> (B,10) logit
 *
 * WASI: C kütüphanesi hata yazmak (fd_write), die() (proc_exit) ve AdlarWasm'da model
 * dosyasını okumak (path_open, fd_read...) için dışarıya ihtiyaç duyar; karşılıkları
 * aşağıdaki wasiKur'dadır: dosyalar bellektedir, salt okunurdur; ağ yoktur.
 *
 *   const a = await AdlarWasm(adlarWasm, ckptBaytlari);   // lesson16'nın GPT'si
 *   a.sample(0.8, 42)                                       // bir Türkçe ad
 */
(function (kok) {
  "use strict";
  // WASI'nin küçük bir alt kümesi: stderr'e yazma, die() için proc_exit ve bellekteki
  // salt okunur dosyalar (dosyalar: {"model.ckpt": Uint8Array}; C "/model.ckpt" olarak açar).
  function wasiKur(dosyalar) {
    let mem = null, stderr = "", sonraki = 10;
    const acik = new Map();
    const utf8 = new TextDecoder("utf-8");
    const dv = () => new DataView(mem.buffer);
    const ad = (p, n) => utf8.decode(new Uint8Array(mem.buffer, p, n)).replace(/^\.?\/+/, "");
    const EBADF = 8, ENOENT = 44;
    const wasi = {
      fd_write(fd, iovs, n, nwritten) {
        const D = dv();
        let tot = 0;
        for (let i = 0; i < n; i++) {
          const p = D.getUint32(iovs + 8 * i, true), len = D.getUint32(iovs + 8 * i + 4, true);
          stderr += utf8.decode(new Uint8Array(mem.buffer, p, len).slice());
          tot += len;
        }
        D.setUint32(nwritten, tot, true);
        let k;
        while ((k = stderr.indexOf("\n")) >= 0) {
          console.error(stderr.slice(0, k));
          stderr = stderr.slice(k + 1);
        }
        return 0;
      },
      fd_read(fd, iovs, n, nread) {
        const f = acik.get(fd);
        if (!f) return EBADF;
        const D = dv();
        let tot = 0;
        for (let i = 0; i < n; i++) {
          const p = D.getUint32(iovs + 8 * i, true), len = D.getUint32(iovs + 8 * i + 4, true);
          const k = Math.max(0, Math.min(len, f.data.length - f.pos));
          new Uint8Array(mem.buffer, p, k).set(f.data.subarray(f.pos, f.pos + k));
          f.pos += k;
          tot += k;
        }
        D.setUint32(nread, tot, true);
        return 0;
      },
      fd_seek(fd, off, whence, newoff) {
        const f = acik.get(fd);
        let pos = 0;
        if (f) {
          const o = Number(off);
          pos = whence === 0 ? o : whence === 1 ? f.pos + o : f.data.length + o;
          if (pos < 0) return 28;   // EINVAL
          f.pos = pos;
        }
        dv().setBigUint64(newoff, BigInt(pos), true);
        return 0;
      },
      fd_close(fd) { acik.delete(fd); return 0; },
      fd_fdstat_get(fd, st) {
        const D = dv();
        new Uint8Array(mem.buffer, st, 24).fill(0);
        D.setUint8(st, fd < 3 ? 2 : fd === 3 ? 3 : 4);   // karakter aygıtı / klasör / dosya
        D.setBigUint64(st + 8, 0xffffffffffffffffn, true);
        D.setBigUint64(st + 16, 0xffffffffffffffffn, true);
        return fd < 4 || acik.has(fd) ? 0 : EBADF;
      },
      fd_fdstat_set_flags() { return 0; },
      fd_prestat_get(fd, buf) {   // tek açık klasör: "/" (fd 3)
        if (fd !== 3) return EBADF;
        dv().setUint8(buf, 0);
        dv().setUint32(buf + 4, 1, true);
        return 0;
      },
      fd_prestat_dir_name(fd, p) { new Uint8Array(mem.buffer)[p] = 47; return 0; },
      path_open(dirfd, dirflags, p, n, oflags, rb, ri, fdflags, fdOut) {
        const d = dosyalar[ad(p, n)];
        if (!d) return ENOENT;
        const fd = sonraki++;
        acik.set(fd, { data: d, pos: 0 });
        dv().setUint32(fdOut, fd, true);
        return 0;
      },
      path_filestat_get(fd, flags, p, n, buf) {
        const a = ad(p, n), d = dosyalar[a];
        if (!d && a !== "" && a !== ".") return ENOENT;
        new Uint8Array(mem.buffer, buf, 64).fill(0);
        dv().setUint8(buf + 16, d ? 4 : 3);
        dv().setBigUint64(buf + 32, BigInt(d ? d.length : 0), true);
        return 0;
      },
      proc_exit(code) { throw new Error("wasm sonlandı (çıkış kodu " + code + "): " + stderr); },
    };
    return { wasi, bagla(m) { mem = m; } };
  }

  async function wasmAc(wasmBytes, dosyalar) {
    const w = wasiKur(dosyalar || {});
    const { instance } = await WebAssembly.instantiate(wasmBytes, { wasi_snapshot_preview1: w.wasi });
    w.bagla(instance.exports.memory);
    instance.exports._initialize();
    return instance.exports;
  }
  // dosyalar nesnesi wasiKur'a verildiği gibi kullanılır: sonradan eklenen dosya da açılabilir.
  const utf8 = new TextDecoder("utf-8");
  const cstrOf = (mem, p) => {
    const B = new Uint8Array(mem.buffer);
    let q = p;
    while (B[q]) q++;
    return utf8.decode(B.slice(p, q));
  };

  // lesson16'nın GPT'si: ad üretimi (adlar.wasm, model lesson16_names.ckpt)
  async function AdlarWasm(wasmBytes, ckptBytes) {
    const e = await wasmAc(wasmBytes, { "model.ckpt": ckptBytes });
    if (e.ad_load() !== 0) throw new Error(cstrOf(e.memory, e.ad_error()));
    return { sample: (sicaklik, tohum) => cstrOf(e.memory, e.ad_sample(sicaklik, tohum >>> 0)) };
  }

  async function RakamWasm(wasmBytes) {
    const dosyalar = {};
    const e = await wasmAc(wasmBytes, dosyalar);
    const mem = e.memory;
    const cstr = (p) => cstrOf(mem, p);
    const copyIn = (arr) => {
      const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
      const p = e.rk_buf(bytes.length);
      if (!p) throw new Error("wasm belleği ayrılamadı (" + bytes.length + " bayt)");
      new Uint8Array(mem.buffer, p, bytes.length).set(bytes);
      return p;
    };
    return {
      exports: e,
      load(slot, modelBytes, maxBatch) {   // C, dosyayı net_load ile okur (bellekteki WASI dosyası)
        const ad = slot === 0 ? "lesson02_mlp.model" : "lesson04_cnn.model";
        dosyalar[ad] = modelBytes instanceof Uint8Array ? modelBytes : new Uint8Array(modelBytes);
        const rc = e.rk_load(slot, maxBatch || 1);
        delete dosyalar[ad];
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
  if (typeof module !== "undefined" && module.exports) module.exports = { RakamWasm, AdlarWasm };
  else { kok.RakamWasm = RakamWasm; kok.AdlarWasm = AdlarWasm; }
})(typeof globalThis !== "undefined" ? globalThis : this);
