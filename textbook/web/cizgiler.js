/*
 * cizgiler.js — sayfanın kendi kendini sınaması (rakam-ciz.html?test=1) için rakam çizgileri.
 *
 * Her rakam, 280x280'lik tuvalde kalemin izlediği yolların (stroke) listesidir; sınama
 * bunları gerçek işaretçi olaylarıyla (pointerdown, pointermove, pointerup) tuvale çizer:
 * sayfa bir kullanıcının çizdiğinden farkı bilemez. Yollar elle yazılmış eğrilerdir
 * (yay, doğru) ve insan eli gibi biraz eğik (sağa yatık) ve titrektir. MNIST
 * görüntülerinden kopyalanmış pikseller değildir.
 */
(function (kok) {
  "use strict";
  const yay = (cx, cy, rx, ry, a0, a1, n) => {
    const p = [];
    for (let i = 0; i <= n; i++) {
      const a = ((a0 + (a1 - a0) * i / n) * Math.PI) / 180;
      p.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
    }
    return p;
  };
  const dogru = (pts, adim) => {   // köşe noktalarından geçen kırık çizgi, her ~adim pikselde bir nokta
    const p = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      const [x0, y0] = pts[i], [x1, y1] = pts[i + 1];
      const n = Math.max(1, Math.round(Math.hypot(x1 - x0, y1 - y0) / (adim || 6)));
      for (let k = 0; k < n; k++) p.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
    }
    p.push(pts[pts.length - 1]);
    return p;
  };
  const sekiz = () => {
    const p = [];
    for (let i = 0; i <= 80; i++) {
      const t = (i / 80) * 2 * Math.PI;
      p.push([140 + 55 * Math.sin(2 * t), 140 - 92 * Math.cos(t)]);
    }
    return p;
  };
  // Eğiklik ve titreme: x += 0.12 (140 - y) ve küçük bir dalga
  const el = (yollar) => yollar.map((yol) => yol.map(([x, y], i) =>
    [x + 0.12 * (140 - y) + 1.5 * Math.sin(i * 0.7), y + 1.2 * Math.cos(i * 0.9)]));
  const RAKAMLAR = {
    0: el([yay(140, 140, 58, 92, -95, 275, 60)]),
    1: el([dogru([[112, 82], [150, 45], [142, 235]])]),
    2: el([yay(138, 100, 52, 52, 195, 400, 30).concat(dogru([[178, 135], [88, 232], [205, 230]]))]),
    3: el([yay(135, 95, 48, 45, 200, 450, 30).concat(yay(135, 186, 56, 49, 270, 520, 30))]),
    4: el([dogru([[158, 45], [88, 168], [208, 168]]), dogru([[172, 98], [172, 240]])]),
    5: el([dogru([[198, 45], [108, 45], [100, 128]]).concat(yay(140, 172, 58, 56, 225, 500, 30))]),
    6: el([dogru([[182, 42], [112, 135]]).concat(yay(142, 182, 52, 52, 200, 560, 40))]),
    7: el([dogru([[82, 50], [202, 50], [122, 238]])]),
    8: el([sekiz()]),
    9: el([yay(140, 95, 50, 48, 0, 360, 40).concat(dogru([[190, 95], [178, 238]]))]),
  };
  // Okunamaması gerekenler: tek nokta (bir dokunuş) ve sık bir zikzak karalama
  const zikzak = [];
  for (let i = 0; i <= 34; i++) zikzak.push([i % 2 ? 235 : 45, 40 + i * 6]);
  const OKUNAMAZ = {
    nokta: [[[140, 140]]],
    karalama: [dogru(zikzak, 8)],
  };
  kok.CIZGILER = { RAKAMLAR, OKUNAMAZ };
})(typeof globalThis !== "undefined" ? globalThis : this);
