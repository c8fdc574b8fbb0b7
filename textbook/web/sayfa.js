/*
 * sayfa.js — "Rakam çiz" sayfası: tuval, ağın gördüğü 28x28, olasılık çubukları, öznitelik
 * haritaları. Hesabın hepsi rakam.wasm'da (common/'un C kodu, bkz. rakam.js); burada yalnızca
 * çizim ve gösterim var.
 *
 * Çizim: işaretçi olayları (pointer events) fareyi, kalemi ve dokunmatik ekranı aynı
 * biçimde verir. Kalem 280x280'lik tuvalde 18 piksel kalınlığındadır: rakam kutuyu
 * doldurunca çizgi 20x20'de ~1,5-2 piksel olur, MNIST'teki gibi.
 * Canlı okuma: kalem hareket ettikçe en çok kare (frame) başına bir kez; kalem kalkınca
 * hemen. "Cevap süresi" kalemin kalktığı olaydan sonucun sayfaya yazılmasına kadardır.
 *
 * ?test=1: sayfa kendini sınar (cizgiler.js'teki rakam yollarını işaretçi olaylarıyla
 * çizer, gösterilen rakamı denetler) ve sonucu #test-sonuc'a yazar (textbook/rakam_sinama.sh).
 */
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const tuval = $("tuval"), ctx = tuval.getContext("2d", { willReadFrequently: true });
  const N = 280, KALEM = 18;
  const kararEl = $("karar"), cubukEl = $("cubuklar"), sureEl = $("sure");
  const AG_ADI = ["MLP", "CNN"];
  let r = null, ag = 1, yollar = [], cizilen = null, bekleyen = false;
  const sureler = [];
  let wasmMs = 0;   // son okumada wasm'ın (hazırlık + ağ) süresi

  // --- çubuklar (0..9) ---
  const cubuklar = [];
  for (let k = 0; k < 10; k++) {
    const d = document.createElement("div");
    d.className = "cubuk";
    d.innerHTML = '<span class="ad">' + k + '</span><span class="bar"></span><span class="yuzde"></span>';
    cubukEl.appendChild(d);
    cubuklar.push(d);
  }
  // --- öznitelik haritaları (32 tane 26x26) ---
  const haritalar = [];
  for (let c = 0; c < 32; c++) {
    const h = document.createElement("canvas");
    h.width = 26;
    h.height = 26;
    h.title = "süzgeç " + (c + 1);
    $("haritalar").appendChild(h);
    haritalar.push(h);
  }

  function temizTuval() {
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, N, N);
  }
  function yolCiz(yol) {
    ctx.strokeStyle = "#000";
    ctx.fillStyle = "#000";
    ctx.lineWidth = KALEM;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    if (yol.length === 1) {
      ctx.beginPath();
      ctx.arc(yol[0][0], yol[0][1], KALEM / 2, 0, 2 * Math.PI);
      ctx.fill();
      return;
    }
    ctx.beginPath();
    ctx.moveTo(yol[0][0], yol[0][1]);
    for (let i = 1; i < yol.length; i++) ctx.lineTo(yol[i][0], yol[i][1]);
    ctx.stroke();
  }
  function yenidenCiz() {
    temizTuval();
    yollar.forEach(yolCiz);
  }

  function yuzde(p) {
    return "%" + (100 * p).toFixed(p >= 0.995 || p < 0.005 ? 0 : 1).replace(".", ",");
  }

  // Tuvali oku ve her şeyi göster; dönüş wasm'ın sonucu
  function oku() {
    if (!r) return null;
    const rgba = ctx.getImageData(0, 0, N, N).data;
    const gri = new Uint8Array(N * N);
    for (let i = 0; i < N * N; i++)
      gri[i] = (rgba[4 * i] * 299 + rgba[4 * i + 1] * 587 + rgba[4 * i + 2] * 114 + 500) / 1000;
    const tw = performance.now();
    const s = r.read(ag, gri, N, N);
    wasmMs = performance.now() - tw;
    // ağın gördüğü 28x28 (MNIST gibi: siyah zemin, beyaz mürekkep)
    const g = $("gordugu").getContext("2d"), im = g.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      im.data[4 * i] = im.data[4 * i + 1] = im.data[4 * i + 2] = s.img[i];
      im.data[4 * i + 3] = 255;
    }
    g.putImageData(im, 0, 0);
    // karar
    const okundu = s.verdict === 0;
    kararEl.className = okundu ? "" : "okunamaz";
    kararEl.dataset.karar = s.verdict;
    kararEl.dataset.rakam = okundu ? s.digit : "";
    if (okundu) {
      kararEl.innerHTML = "Bu bir <b>" + s.digit + "</b> (" + yuzde(s.top) + " olasılıkla, " +
        AG_ADI[ag] + ")";
    } else {
      kararEl.textContent = s.text + (s.digit >= 0 ? " (En olası: " + s.digit + ", " +
        yuzde(s.top) + ")" : "");
    }
    cubukEl.className = "cubuklar" + (okundu ? "" : " soluk");
    for (let k = 0; k < 10; k++) {
      const p = s.digit >= 0 ? s.probs[k] : 0;
      cubuklar[k].querySelector(".bar").style.width = (150 * p).toFixed(1) + "px";
      cubuklar[k].querySelector(".yuzde").textContent = s.digit >= 0 ? yuzde(p) : "";
      cubuklar[k].className = "cubuk" + (okundu && k === s.digit ? " en" : "");
    }
    haritaGoster(s.digit >= 0);
    return s;
  }

  function haritaGoster(var_mi) {
    const f = ag === 1 && var_mi ? r.fmaps(1) : null;
    $("haritalar").style.opacity = f ? 1 : 0.25;
    let mx = 1e-6;
    if (f) for (let i = 0; i < f.data.length; i++) mx = Math.max(mx, f.data[i]);
    for (let c = 0; c < haritalar.length; c++) {
      const g = haritalar[c].getContext("2d"), im = g.createImageData(26, 26);
      for (let i = 0; i < 676; i++) {
        const v = f ? Math.round((255 * f.data[c * 676 + i]) / mx) : 0;
        im.data[4 * i] = im.data[4 * i + 1] = im.data[4 * i + 2] = v;
        im.data[4 * i + 3] = 255;
      }
      g.putImageData(im, 0, 0);
    }
    $("harita-not").dataset.ag = AG_ADI[ag];
  }

  // --- işaretçi olayları (fare, kalem, parmak) ---
  function konum(e) {
    const b = tuval.getBoundingClientRect();
    return [((e.clientX - b.left) * N) / b.width, ((e.clientY - b.top) * N) / b.height];
  }
  function canli() {   // kalem hareket ederken: kare başına en çok bir okuma
    if (bekleyen) return;
    bekleyen = true;
    requestAnimationFrame(() => {
      bekleyen = false;
      if (cizilen) oku();
    });
  }
  tuval.addEventListener("pointerdown", (e) => {
    e.preventDefault();
    try { tuval.setPointerCapture(e.pointerId); } catch (_) { /* yapay olayda yakalama yok */ }
    cizilen = [konum(e)];
    yollar.push(cizilen);
    yolCiz(cizilen);
  });
  tuval.addEventListener("pointermove", (e) => {
    if (!cizilen) return;
    e.preventDefault();
    const p = konum(e), q = cizilen[cizilen.length - 1];
    cizilen.push(p);
    ctx.beginPath();
    ctx.strokeStyle = "#000";
    ctx.lineWidth = KALEM;
    ctx.lineCap = "round";
    ctx.moveTo(q[0], q[1]);
    ctx.lineTo(p[0], p[1]);
    ctx.stroke();
    canli();
  });
  function bitir(e) {
    if (!cizilen) return;
    const t0 = performance.now();
    cizilen = null;
    oku();
    const ms = performance.now() - t0;
    sureler.push(ms);
    sureEl.textContent = "cevap süresi: " + ms.toFixed(1).replace(".", ",") + " ms (hazırlık + ağ)";
  }
  tuval.addEventListener("pointerup", bitir);
  tuval.addEventListener("pointercancel", bitir);
  $("temizle").addEventListener("click", () => { yollar = []; yenidenCiz(); oku(); });
  $("geri").addEventListener("click", () => { yollar.pop(); yenidenCiz(); oku(); });
  document.querySelectorAll('input[name="ag"]').forEach((el) =>
    el.addEventListener("change", () => { ag = +el.value; oku(); }));

  async function gunzip(yol) {
    const y = await fetch(yol);
    if (!y.ok) throw new Error(yol + " indirilemedi (" + y.status + ")");
    const d = y.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(d).arrayBuffer());
  }

  // --- kendi kendini sınama (?test=1) ---
  function olay(tur, x, y) {
    const b = tuval.getBoundingClientRect();
    tuval.dispatchEvent(new PointerEvent(tur, {
      bubbles: true, cancelable: true, pointerId: 7, pointerType: "pen", isPrimary: true,
      clientX: b.left + (x * b.width) / N, clientY: b.top + (y * b.height) / N,
      buttons: tur === "pointerup" ? 0 : 1,
    }));
  }
  function ciz(yollarListesi) {
    for (const yol of yollarListesi) {
      olay("pointerdown", yol[0][0], yol[0][1]);
      for (let i = 1; i < yol.length; i++) olay("pointermove", yol[i][0], yol[i][1]);
      olay("pointerup", yol[yol.length - 1][0], yol[yol.length - 1][1]);
    }
  }
  function sinama() {
    const out = [], C = window.CIZGILER;
    let gecti = 0, toplam = 0;
    const dene = (adi, beklenen, yl) => {
      $("temizle").click();
      const once = sureler.length;
      ciz(yl);
      const k = kararEl.dataset;
      const okunan = k.karar === "0" ? k.rakam : "okunamaz(" + k.karar + ")";
      const ok = String(okunan).startsWith(beklenen);
      gecti += ok;
      toplam++;
      const ms = sureler.slice(once).pop();
      out.push(AG_ADI[ag] + " " + adi + ": beklenen=" + beklenen + " okunan=" + okunan +
               " ms=" + ms.toFixed(2) + " wasm_ms=" + wasmMs.toFixed(2) + (ok ? " TAMAM" : " YANLIŞ"));
    };
    for (const a of [0, 1]) {
      document.querySelector('input[name="ag"][value="' + a + '"]').click();
      for (let d = 0; d <= 9; d++) dene("rakam " + d, String(d), C.RAKAMLAR[d]);
      dene("nokta", "okunamaz", C.OKUNAMAZ.nokta);
      dene("karalama", "okunamaz", C.OKUNAMAZ.karalama);
      $("temizle").click();
      const bos = kararEl.dataset.karar;
      gecti += bos === "1";
      toplam++;
      out.push(AG_ADI[ag] + " boş tuval: karar=" + bos + (bos === "1" ? " TAMAM" : " YANLIŞ"));
    }
    // ekran görüntüsünde bir rakam görünsün: CNN ile 3
    document.querySelector('input[name="ag"][value="1"]').click();
    $("temizle").click();
    ciz(C.RAKAMLAR[3]);
    const s = sureler.slice().sort((a, b) => a - b);
    out.push("TEST: gecti=" + gecti + " toplam=" + toplam + " ortanca_ms=" +
             s[s.length >> 1].toFixed(2) + " en_yavas_ms=" + s[s.length - 1].toFixed(2));
    const el = $("test-sonuc");
    el.textContent = out.join("\n");
    el.hidden = false;
    el.dataset.bitti = "1";
  }

  temizTuval();
  (async () => {
    try {
      const wasm = await fetch("rakam/rakam.wasm");
      if (!wasm.ok) throw new Error("rakam/rakam.wasm indirilemedi (" + wasm.status + ")");
      r = await RakamWasm(await wasm.arrayBuffer());
      r.load(0, await gunzip("rakam/lesson02_mlp.model.gz"), 1);
      r.load(1, await gunzip("rakam/lesson04_cnn.model.gz"), 1);
    } catch (e) {
      kararEl.className = "okunamaz";
      kararEl.textContent = "Ağ yüklenemedi: " + e.message + ". Sayfayı bir web sunucusundan " +
        "açın (ör. python3 -m http.server -d textbook/html); tarayıcılar file:// adresinden " +
        ".wasm yüklemez.";
      return;
    }
    // Isınma: tarayıcı wasm'ı önce hızlı ama yavaş çalışan bir derleyiciyle derler, sık
    // çağrılan işlevleri sonra eniyiler. İlk çizimin cevabı gecikmesin diye iki ağ da
    // birkaç kez (ekranda görünmeyen) bir çizgiyle çalıştırılır.
    const isin = new Uint8Array(N * N).fill(255);
    for (let y = 60; y < 220; y++) for (let x = 130; x < 148; x++) isin[y * N + x] = 0;
    for (let i = 0; i < 8; i++) { r.read(0, isin, N, N); r.read(1, isin, N, N); }
    ag = +document.querySelector('input[name="ag"]:checked').value;
    oku();
    if (new URLSearchParams(location.search).get("test") === "1") sinama();
  })();
})();
