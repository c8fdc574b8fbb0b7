/* kitap.js — HTML baskısının okuma yardımları (ağ ve sunucu gerekmez; file:// ile çalışır).
 *   - arama: arama-dizin.js'teki window.KITAP_DIZIN ({u: adres, t: başlık, x: düz metin}
 *     nesneleri; html.lua make textbook anında üretir) içinde, yazılan bütün sözcükleri
 *     (Türkçe küçük harfe çevrilerek) içeren bölümleri listeler; Enter ilk sonuca gider;
 *     sayfa adresindeki ?ara=sözcük aramayı açılışta yapar.
 *   - kopyala: her kod/çıktı bloğunun köşesinde bloğu panoya kopyalayan bir düğme.
 *   - yazdırma: yazdırmadan önce katlı bölümler (<details>) açılır.
 */
(function () {
  'use strict';
  var low = function (s) { return s.toLocaleLowerCase('tr'); };

  /* ---- arama */
  var kutu = document.getElementById('arama-kutusu');
  var liste = document.getElementById('arama-sonuc');
  var dizin = window.KITAP_DIZIN || [];
  var hazir = null;
  function hazirla() {
    if (hazir) return hazir;
    hazir = dizin.map(function (d) { return { d: d, t: low(d.t), x: low(d.x) }; });
    return hazir;
  }
  function parca(x, i) { /* bulunan yerin çevresinden kısa bir alıntı */
    var a = Math.max(0, i - 60), b = Math.min(x.length, i + 100);
    return (a > 0 ? '…' : '') + x.slice(a, b) + (b < x.length ? '…' : '');
  }
  function ara() {
    var q = low(kutu.value.trim());
    while (liste.firstChild) liste.removeChild(liste.firstChild);
    if (q.length < 2) { liste.hidden = true; return; }
    var sozler = q.split(/\s+/);
    var sonuc = [];
    hazirla().forEach(function (e) {
      var puan = 0, ilk = -1;
      for (var k = 0; k < sozler.length; k++) {
        var it = e.t.indexOf(sozler[k]), ix = e.x.indexOf(sozler[k]);
        if (it < 0 && ix < 0) return;
        puan += (it >= 0 ? 10 : 0) + (ix >= 0 ? 1 : 0);
        if (ilk < 0 && ix >= 0) ilk = ix;
      }
      sonuc.push({ e: e, puan: puan, ilk: ilk });
    });
    sonuc.sort(function (a, b) { return b.puan - a.puan; });
    sonuc.slice(0, 25).forEach(function (s) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = s.e.d.u;
      a.textContent = s.e.d.t;
      li.appendChild(a);
      if (s.ilk >= 0) {
        var p = document.createElement('div');
        p.className = 'alinti';
        p.textContent = parca(s.e.d.x, s.ilk);
        li.appendChild(p);
      }
      liste.appendChild(li);
    });
    if (!sonuc.length) {
      var yok = document.createElement('li');
      yok.textContent = 'Sonuç yok.';
      liste.appendChild(yok);
    } else if (sonuc.length > 25) {
      var fazla = document.createElement('li');
      fazla.textContent = (sonuc.length - 25) + ' sonuç daha; aramayı daraltın.';
      liste.appendChild(fazla);
    }
    liste.hidden = false;
  }
  if (kutu && liste) {
    /* adresteki ?ara=sözcük araması (bağlantıyla paylaşmak için) */
    var m = /[?&]ara=([^&]*)/.exec(window.location.search);
    if (m) { kutu.value = decodeURIComponent(m[1].replace(/\+/g, ' ')); ara(); }
    kutu.addEventListener('input', ara);
    kutu.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') { kutu.value = ''; ara(); }
      if (ev.key === 'Enter') {
        var ilk = liste.querySelector('a');
        if (ilk) window.location.href = ilk.href;
      }
    });
  }

  /* ---- kopyala düğmeleri */
  function kopyala(metin, dugme) {
    var bitti = function () {
      dugme.textContent = 'kopyalandı';
      setTimeout(function () { dugme.textContent = 'kopyala'; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(metin).then(bitti, function () { eski(metin); bitti(); });
    } else {
      eski(metin);
      bitti();
    }
  }
  function eski(metin) { /* pano API'si yoksa: seçip kopyala */
    var t = document.createElement('textarea');
    t.value = metin;
    t.style.position = 'fixed';
    t.style.opacity = '0';
    document.body.appendChild(t);
    t.select();
    try { document.execCommand('copy'); } catch (e) { /* yapılacak bir şey yok */ }
    document.body.removeChild(t);
  }
  Array.prototype.forEach.call(document.querySelectorAll('pre'), function (pre) {
    var kap = document.createElement('div');
    kap.className = 'kod-kabi';
    pre.parentNode.insertBefore(kap, pre);
    kap.appendChild(pre);
    var d = document.createElement('button');
    d.type = 'button';
    d.className = 'kopyala';
    d.textContent = 'kopyala';
    d.title = 'Bloğu panoya kopyala';
    d.addEventListener('click', function () { kopyala(pre.innerText, d); });
    kap.appendChild(d);
  });

  /* ---- yazdırma: katlı bölümler de basılsın */
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (x) {
      x.setAttribute('open', '');
    });
  });
})();
