#!/usr/bin/python3
"""gen.py — PyTorch eşlik (parity) fikstürlerini üretir: tests/parity/fixtures/*.bin

Her fikstür, common/nn'deki bir çekirdeğin (kernel) küçük, sabit tohumlu bir
örneğidir: girişler, parametreler, PyTorch'un float64 ile hesapladığı çıkışlar ve
autograd'ın verdiği HER gradyan. tests/test_parity.c aynı girişleri C kütüphanesine
verir ve sonuçları eleman eleman karşılaştırır. Gradyan denetimi (sonlu farklar)
geri geçişin ileri geçişle tutarlı olduğunu kanıtlar; ileri geçişin gerçekten ders
kitabındaki formül olduğunu ancak bağımsız bir uygulamayla karşılaştırmak kanıtlar.

Kullanım:  make parity      (ya da: /usr/bin/python3 tests/parity/gen.py [KLASÖR])
Gerekenler: Debian'ın python3-torch paketi. `make check` PyTorch İSTEMEZ: fikstürler
depoya işlenmiştir (commit).

Girişler önce float32'ye yuvarlanır (C tam olarak aynı sayıları görür), sonra
hesap float64'te yapılır. Geri geçişin "yukarıdan gelen" gradyanı (dout) da
fikstürde durur: kayıp L = Σ out ⊙ dout alınır, böylece dL/dout = dout olur.

DOSYA BİÇİMİ (küçük uçlu / little-endian; ayrıntı: tests/parity/README.md)
  "DOAAPAR1"                 8 bayt sihirli sözcük
  u32 sayı                   tensör sayısı
  her tensör için:
    u8 ad_uzunluğu, ad       (1..63 bayt, [a-z0-9_])
    u8 tür                   'f' float32, 'd' float64, 'i' int32
    u8 boyut_sayısı          0..4 (0: tek sayı)
    u32 × boyut_sayısı       boyutlar (her biri >= 1)
    veri                     Π boyutlar × (4 ya da 8) bayt
"""
import os
import struct
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
MAGIC = b"DOAAPAR1"
OUTDIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "fixtures")


class Fixture:
    """Bir fikstür dosyası: sırayla eklenen adlı tensörler."""

    def __init__(self, name):
        self.name = name
        self.items = []

    def _add(self, key, kind, t):
        t = torch.as_tensor(t).detach()
        assert 1 <= len(key) <= 63 and all(c.isalnum() or c == "_" for c in key), key
        assert t.dim() <= 4, key
        self.items.append((key, kind, list(t.shape), t.reshape(-1).tolist()))

    def f32(self, key, t):  # giriş/parametre: C'nin gördüğü float32 sayılar
        self._add(key, "f", t)

    def f64(self, key, t):  # PyTorch'un float64 sonucu
        self._add(key, "d", t)

    def i32(self, key, t):
        self._add(key, "i", torch.as_tensor(t, dtype=torch.int64))

    def write(self):
        out = bytearray(MAGIC)
        out += struct.pack("<I", len(self.items))
        for key, kind, shape, vals in self.items:
            kb = key.encode()
            out += struct.pack("<B", len(kb)) + kb
            out += struct.pack("<BB", ord(kind), len(shape))
            out += struct.pack("<%dI" % len(shape), *shape)
            fmt = {"f": "f", "d": "d", "i": "i"}[kind]
            out += struct.pack("<%d%s" % (len(vals), fmt), *vals)
        path = os.path.join(OUTDIR, self.name + ".bin")
        with open(path, "wb") as f:
            f.write(out)
        print("yazıldı: %s (%d bayt, %d tensör)" % (os.path.relpath(path), len(out), len(self.items)))


GEN = torch.Generator().manual_seed(20261201)


def randn(*shape, scale=1.0):
    """float32'ye yuvarlanmış normal sayılar, float64 tensör olarak (grad izli)."""
    x = (torch.randn(*shape, generator=GEN) * scale).float().double()
    return x.requires_grad_(True)


def uniform(lo, hi, *shape):
    x = (lo + (hi - lo) * torch.rand(*shape, generator=GEN)).float().double()
    return x.requires_grad_(True)


def randint(lo, hi, *shape):
    return torch.randint(lo, hi, shape, generator=GEN)


def backward(out, dout):
    """L = Σ out ⊙ dout: dL/dout = dout."""
    (out * dout).sum().backward()


# ---------------------------------------------------------------- yoğun katman
def gen_dense():
    B, IN, OUT = 3, 5, 4
    x, W, b = randn(B, IN), randn(IN, OUT, scale=0.5), randn(OUT, scale=0.5)
    dout = randn(B, OUT).detach()
    out = F.linear(x, W.t(), b)  # Y = X W + b
    backward(out, dout)
    fx = Fixture("dense")
    fx.i32("dims", [B, IN, OUT])
    fx.f32("x", x), fx.f32("w", W), fx.f32("b", b), fx.f32("dout", dout)
    fx.f64("out", out), fx.f64("dx", x.grad), fx.f64("dw", W.grad), fx.f64("db", b.grad)
    fx.write()


# ---------------------------------------------------------------- evrişim
def gen_conv(name, B, C, H, W, OC, k, s, p):
    x, Wt, b = randn(B, C, H, W), randn(OC, C, k, k, scale=0.3), randn(OC, scale=0.3)
    out = F.conv2d(x, Wt, b, stride=s, padding=p)
    dout = randn(*out.shape).detach()
    backward(out, dout)
    fx = Fixture(name)
    fx.i32("dims", [B, C, H, W, OC, k, s, p])
    fx.f32("x", x), fx.f32("w", Wt), fx.f32("b", b), fx.f32("dout", dout)
    fx.f64("out", out), fx.f64("dx", x.grad), fx.f64("dw", Wt.grad), fx.f64("db", b.grad)
    fx.write()


def gen_conv_relu_pool():
    """Eğitimdeki birleşik yol: max_pool(relu(conv(x)))."""
    B, C, H, W, OC, k, s, p, pk = 2, 1, 12, 12, 4, 5, 1, 2, 2
    x, Wt, b = randn(B, C, H, W), randn(OC, C, k, k, scale=0.3), randn(OC, scale=0.3)
    out = F.max_pool2d(F.relu(F.conv2d(x, Wt, b, stride=s, padding=p)), pk)
    dout = randn(*out.shape).detach()
    backward(out, dout)
    fx = Fixture("conv_relu_pool")
    fx.i32("dims", [B, C, H, W, OC, k, s, p, pk])
    fx.f32("x", x), fx.f32("w", Wt), fx.f32("b", b), fx.f32("dout", dout)
    fx.f64("out", out), fx.f64("dx", x.grad), fx.f64("dw", Wt.grad), fx.f64("db", b.grad)
    fx.write()


def gen_maxpool(name, B, C, H, W, k):
    x = randn(B, C, H, W)
    out = F.max_pool2d(x, k)  # adım = k; artan satır/sütun atılır
    dout = randn(*out.shape).detach()
    backward(out, dout)
    fx = Fixture(name)
    fx.i32("dims", [B, C, H, W, k])
    fx.f32("x", x), fx.f32("dout", dout)
    fx.f64("out", out), fx.f64("dx", x.grad)
    # ReLU + max pooling birleşik sürümü için aynı giriş
    x2 = x.detach().clone().requires_grad_(True)
    out2 = F.max_pool2d(F.relu(x2), k)
    backward(out2, dout)
    fx.f64("relu_out", out2), fx.f64("relu_dx", x2.grad)
    fx.write()


# ---------------------------------------------------------------- aktivasyonlar
def gen_activation():
    N, B, K, tau = 12, 3, 5, 0.7
    fx = Fixture("activation")
    fx.i32("dims", [N, B, K])
    fx.f64("tau", torch.tensor(tau))
    x = randn(N, scale=2.0)
    dout = randn(N).detach()
    fx.f32("x", x), fx.f32("dout", dout)
    for name, fn in (("relu", F.relu), ("sigmoid", torch.sigmoid), ("tanh", torch.tanh)):
        xi = x.detach().clone().requires_grad_(True)
        y = fn(xi)
        backward(y, dout)
        fx.f64(name + "_out", y), fx.f64(name + "_dx", xi.grad)
    z = randn(B, K, scale=2.0)
    dp = randn(B, K).detach()
    fx.f32("z", z), fx.f32("dp", dp)
    p = torch.softmax(z, dim=1)
    backward(p, dp)
    fx.f64("softmax_out", p), fx.f64("softmax_dz", z.grad)
    z2 = z.detach().clone().requires_grad_(True)
    p2 = torch.softmax(z2 / torch.tensor(tau).float().double(), dim=1)
    backward(p2, dp)
    fx.f64("softmax_t_out", p2), fx.f64("softmax_t_dz", z2.grad)
    fx.write()


# ---------------------------------------------------------------- kayıplar
def gen_loss():
    B, K, N = 4, 6, 10
    fx = Fixture("loss")
    fx.i32("dims", [B, K, N])
    z = randn(B, K, scale=3.0)
    y = randint(0, K, B)
    L = F.cross_entropy(z, y)  # ortalama -log softmax(z)[y]
    L.backward()
    fx.f32("logits", z), fx.i32("labels", y)
    fx.f64("xent_loss", L), fx.f64("xent_probs", torch.softmax(z, 1)), fx.f64("xent_dz", z.grad)
    p = uniform(0.02, 0.98, N)
    t = (torch.rand(N, generator=GEN) < 0.5).double()
    L = F.binary_cross_entropy(p, t)
    L.backward()
    fx.f32("p", p), fx.f32("t", t)
    fx.f64("bce_loss", L), fx.f64("bce_dp", p.grad)
    zz = randn(N, scale=3.0)
    L = F.binary_cross_entropy_with_logits(zz, t)
    L.backward()
    fx.f32("z", zz)
    fx.f64("bcel_loss", L), fx.f64("bcel_dz", zz.grad)
    fx.write()


# ---------------------------------------------------------------- LayerNorm, gömme
def gen_layernorm():
    B, T, C = 2, 3, 7
    x = (randn(B, T, C, scale=2.0).detach() + 0.5).float().double().requires_grad_(True)
    g = (1.0 + randn(C, scale=0.3).detach()).float().double().requires_grad_(True)
    be = randn(C, scale=0.3)
    out = F.layer_norm(x, (C,), g, be, eps=1e-5)
    dout = randn(B, T, C).detach()
    backward(out, dout)
    fx = Fixture("layernorm")
    fx.i32("dims", [B, T, C])
    fx.f32("x", x), fx.f32("gamma", g), fx.f32("beta", be), fx.f32("dout", dout)
    fx.f64("out", out), fx.f64("dx", x.grad), fx.f64("dgamma", g.grad), fx.f64("dbeta", be.grad)
    fx.write()


def gen_embedding():
    B, T, V, C = 2, 6, 7, 5
    ids = randint(0, V, B, T)
    ids[0, 0] = ids[1, 3] = ids[1, 5] = 2  # aynı simge birkaç kez: gradyanlar toplanır
    table = randn(V, C)
    out = F.embedding(ids, table)
    dout = randn(B, T, C).detach()
    backward(out, dout)
    fx = Fixture("embedding")
    fx.i32("dims", [B, T, V, C])
    fx.i32("ids", ids), fx.f32("table", table), fx.f32("dout", dout)
    fx.f64("out", out), fx.f64("dtable", table.grad)
    fx.write()


# ---------------------------------------------------------------- dikkat
def sdpa_ref(q, k, v, allowed, scaled):
    """Ders kitabındaki formül: A = softmax(Q K^T s + maske), O = A V."""
    s = 1.0 / (q.shape[-1] ** 0.5) if scaled else 1.0
    S = q @ k.transpose(-1, -2) * s
    S = S.masked_fill(~allowed, float("-inf"))
    return torch.softmax(S, dim=-1) @ v


def gen_sdpa(name, B, Tq, Tk, HS, DV, causal, lengths, scaled):
    q, k, v = randn(B, Tq, HS), randn(B, Tk, HS), randn(B, Tk, DV)
    allowed = torch.ones(B, Tq, Tk, dtype=torch.bool)
    if causal:
        allowed &= torch.tril(torch.ones(Tq, Tk, dtype=torch.bool))
    if lengths is not None:
        pad = torch.arange(Tk)[None, :] < torch.tensor(lengths)[:, None]  # (B,Tk)
        allowed &= pad[:, None, :]
    assert allowed.any(-1).all(), "her satırda en az bir açık konum olmalı"
    out = sdpa_ref(q, k, v, allowed, scaled)
    dout = randn(B, Tq, DV).detach()
    backward(out, dout)
    fx = Fixture(name)
    fx.i32("dims", [B, Tq, Tk, HS, DV, int(causal), int(lengths is not None), int(scaled)])
    if lengths is not None:
        fx.i32("lengths", lengths)
    fx.f32("q", q), fx.f32("k", k), fx.f32("v", v), fx.f32("dout", dout)
    fx.f64("out", out), fx.f64("dq", q.grad), fx.f64("dk", k.grad), fx.f64("dv", v.grad)
    fx.write()


def gen_mha(name, B, Tq, Tk, C, CKV, NH, causal, lengths, self_attn):
    """PyTorch'un kendi çok başlı dikkati (F.multi_head_attention_forward).
    Bizim ağırlıklarımız (giriş, çıkış) düzenindedir; PyTorch'unkiler (çıkış, giriş):
    W_pt = W^T."""
    xq = randn(B, Tq, C)
    xkv = xq if self_attn else randn(B, Tk, CKV)
    wq, wk, wv = randn(C, C, scale=0.4), randn(CKV, C, scale=0.4), randn(CKV, C, scale=0.4)
    wo = randn(C, C, scale=0.4)
    bq, bk, bv, bo = (randn(C, scale=0.2) for _ in range(4))
    attn_mask = None
    if causal:
        attn_mask = ~torch.tril(torch.ones(Tq, Tk, dtype=torch.bool))  # True = bakılamaz
    kpm = None
    if lengths is not None:
        kpm = ~(torch.arange(Tk)[None, :] < torch.tensor(lengths)[:, None])  # True = dolgu
    # PyTorch (T,B,C) düzenini ister
    out, _ = F.multi_head_attention_forward(
        xq.transpose(0, 1), xkv.transpose(0, 1), xkv.transpose(0, 1), C, NH,
        in_proj_weight=None, in_proj_bias=torch.cat([bq, bk, bv]),
        bias_k=None, bias_v=None, add_zero_attn=False, dropout_p=0.0,
        out_proj_weight=wo.t(), out_proj_bias=bo, training=False,
        key_padding_mask=kpm, need_weights=False, attn_mask=attn_mask,
        use_separate_proj_weight=True,
        q_proj_weight=wq.t(), k_proj_weight=wk.t(), v_proj_weight=wv.t())
    out = out.transpose(0, 1)  # (B,Tq,C)
    dout = randn(B, Tq, C).detach()
    backward(out, dout)
    fx = Fixture(name)
    fx.i32("dims", [B, Tq, Tk, C, CKV, NH, int(causal), int(lengths is not None),
                    int(self_attn)])
    if lengths is not None:
        fx.i32("lengths", lengths)
    fx.f32("xq", xq)
    if not self_attn:
        fx.f32("xkv", xkv)
    for key, t in (("wq", wq), ("bq", bq), ("wk", wk), ("bk", bk), ("wv", wv), ("bv", bv),
                   ("wo", wo), ("bo", bo)):
        fx.f32(key, t)
    fx.f32("dout", dout)
    fx.f64("out", out)
    fx.f64("dxq", xq.grad)
    if not self_attn:
        fx.f64("dxkv", xkv.grad)
    for key, t in (("dwq", wq), ("dbq", bq), ("dwk", wk), ("dbk", bk), ("dwv", wv), ("dbv", bv),
                   ("dwo", wo), ("dbo", bo)):
        fx.f64(key, t.grad)
    fx.write()


# ---------------------------------------------------------------- Adam
def gen_adam():
    N, STEPS, lr = 10, 5, 0.01
    theta0 = randn(N).detach()
    grads = torch.randn(STEPS, N, generator=GEN).float().double()
    grads[:, 3] *= 1e-3  # küçük gradyan: ε'nun ve yanlılık düzeltmesinin etkisi
    theta = theta0.clone().requires_grad_(True)
    opt = torch.optim.Adam([theta], lr=lr, betas=(0.9, 0.999), eps=1e-8)
    after = []
    for t in range(STEPS):
        opt.zero_grad()
        theta.grad = grads[t].clone()
        opt.step()
        after.append(theta.detach().clone())
    fx = Fixture("adam")
    fx.i32("dims", [N, STEPS])
    fx.f64("lr", torch.tensor(lr))
    fx.f32("theta0", theta0), fx.f32("grads", grads)
    fx.f64("theta", torch.stack(after))
    fx.write()


def main():
    os.makedirs(OUTDIR, exist_ok=True)
    gen_dense()
    # Evrişim: her yol için bir şekil (bkz. common/nn/conv.h)
    gen_conv("conv_s2", 2, 3, 9, 8, 4, 3, 2, 1)     # adım 2: im2col yolu
    gen_conv("conv_k5", 2, 2, 10, 10, 3, 5, 1, 2)   # 5x5: im2col yolu
    gen_conv("conv_wino", 2, 8, 10, 9, 5, 3, 1, 1)  # 3x3, adım 1, C >= 8: Winograd
    gen_conv("conv_wino_p0", 1, 9, 11, 7, 3, 3, 1, 0)  # Winograd, dolgusuz, artan kenarlar
    gen_conv_relu_pool()
    gen_maxpool("maxpool2", 2, 3, 7, 9, 2)
    gen_maxpool("maxpool3", 1, 2, 9, 10, 3)
    gen_activation()
    gen_loss()
    gen_layernorm()
    gen_embedding()
    gen_sdpa("sdpa_causal", 2, 5, 5, 4, 3, True, None, True)
    gen_sdpa("sdpa_pad", 3, 4, 6, 4, 5, False, [6, 3, 1], True)
    gen_sdpa("sdpa_causal_pad", 2, 5, 5, 3, 3, True, [5, 2], False)
    gen_mha("mha_self", 2, 5, 5, 8, 8, 2, True, [5, 3], True)
    gen_mha("mha_cross", 2, 4, 6, 8, 6, 4, False, [6, 2], False)
    gen_adam()


if __name__ == "__main__":
    main()
