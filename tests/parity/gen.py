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
import math
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


# ---------------------------------------------------------------- VAE (lesson13)
def gen_latent():
    """nn/latent: görüntü başına BCE toplamı (logit'ten), Gauss KL, yeniden parametreleme.
    Kayıplar yığın ortalamasıdır (nat/görüntü); z ve KL'nin gradyanı dout ile."""
    B, D, J = 3, 6, 4
    z = uniform(-6, 6, B, D)
    x = uniform(0, 1, B, D).detach()
    x[0, :3] = torch.tensor([0.0, 1.0, 0.0])   # ikili pikseller de olsun
    rec_per = F.binary_cross_entropy_with_logits(z, x, reduction="none").sum(1)
    rec = rec_per.mean()
    rec.backward()
    mu, lv = randn(B, J), uniform(-2, 1.5, B, J)
    kl_per = (-0.5 * (1 + lv - mu * mu - lv.exp())).sum(1)
    kl = kl_per.mean()
    kl.backward()
    kl_dmu, kl_dlv = mu.grad.clone(), lv.grad.clone()
    mu.grad = None
    lv.grad = None
    eps = randn(B, J).detach()
    zz = mu + torch.exp(0.5 * lv) * eps
    dout = randn(B, J).detach()
    backward(zz, dout)
    fx = Fixture("latent")
    fx.i32("dims", [B, D, J])
    fx.f32("z", z), fx.f32("x", x), fx.f32("mu", mu), fx.f32("logvar", lv), fx.f32("eps", eps)
    fx.f32("dout", dout)
    fx.f64("rec_per", rec_per), fx.f64("rec", rec), fx.f64("rec_dz", z.grad)
    fx.f64("kl_per", kl_per), fx.f64("kl", kl), fx.f64("kl_dmu", kl_dmu), fx.f64("kl_dlogvar", kl_dlv)
    fx.f64("rp_z", zz), fx.f64("rp_dmu", mu.grad), fx.f64("rp_dlogvar", lv.grad)
    fx.write()


def gen_vae():
    """model/vae: pytorch/examples/vae'nin modeli küçük boyutlarla (fc1, fc21, fc22, fc3, fc4;
    ReLU; BCE toplamı + kapalı biçim KL; yığın ortalaması), SABİT gürültü ε ile.
    Ağırlıklar bizim düzenimizde (IN,OUT), yani nn.Linear.weight'in devriği."""
    D, H, J, B = 12, 7, 3, 5
    names = ["fc1", "fc21", "fc22", "fc3", "fc4"]
    shapes = [(D, H), (H, J), (H, J), (J, H), (H, D)]
    P = {}
    for n, (i, o) in zip(names, shapes):
        a = 1.0 / i ** 0.5            # PyTorch'un nn.Linear başlatması: U(-1/√IN, 1/√IN)
        P[n + "_w"], P[n + "_b"] = uniform(-a, a, i, o), uniform(-a, a, o)
    x = uniform(0, 1, B, D).detach()
    x[0, :4] = torch.tensor([0.0, 1.0, 0.0, 1.0])
    eps = randn(B, J).detach()
    lin = lambda t, n: t @ P[n + "_w"] + P[n + "_b"]
    h1 = F.relu(lin(x, "fc1"))
    mu, lv = lin(h1, "fc21"), lin(h1, "fc22")
    z = mu + torch.exp(0.5 * lv) * eps
    logits = lin(F.relu(lin(z, "fc3")), "fc4")
    rec = F.binary_cross_entropy(torch.sigmoid(logits), x, reduction="sum") / B
    kl = -0.5 * torch.sum(1 + lv - mu.pow(2) - lv.exp()) / B
    loss = rec + kl
    loss.backward()
    fx = Fixture("vae")
    fx.i32("dims", [D, H, J, B])
    fx.f32("x", x), fx.f32("eps", eps)
    for n in names:
        fx.f32(n + "_w", P[n + "_w"]), fx.f32(n + "_b", P[n + "_b"])
    fx.f64("mu", mu), fx.f64("logvar", lv), fx.f64("logits", logits)
    fx.f64("rec", rec), fx.f64("kl", kl), fx.f64("loss", loss)
    for n in names:
        fx.f64("d" + n + "_w", P[n + "_w"].grad), fx.f64("d" + n + "_b", P[n + "_b"].grad)
    fx.write()


# ---------------------------------------------------------------- GRU ve Bahdanau dikkati
def gen_gru():
    """torch.nn.GRU (kapılar r, z, n; n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))),
    T adım, sıfır olmayan h0. Ağırlıklar nn.GRU'nun kendi tensörleridir (float32'ye
    yuvarlanmış); kayıp L = Σ hs ⊙ dout."""
    T, B, I, H = 5, 2, 3, 4
    gru = torch.nn.GRU(I, H)
    with torch.no_grad():
        for p_ in gru.parameters():
            p_.copy_(uniform(-0.8, 0.8, *p_.shape).detach())
    x, h0 = randn(T, B, I), randn(1, B, H, scale=0.5)
    dout = randn(T, B, H).detach()
    hs, _ = gru(x, h0)
    backward(hs, dout)
    fx = Fixture("gru")
    fx.i32("dims", [T, B, I, H])
    fx.f32("x", x), fx.f32("h0", h0), fx.f32("dout", dout)
    fx.f32("wih", gru.weight_ih_l0), fx.f32("whh", gru.weight_hh_l0)
    fx.f32("bih", gru.bias_ih_l0), fx.f32("bhh", gru.bias_hh_l0)
    fx.f64("out", hs), fx.f64("dx", x.grad), fx.f64("dh0", h0.grad)
    fx.f64("dwih", gru.weight_ih_l0.grad), fx.f64("dwhh", gru.weight_hh_l0.grad)
    fx.f64("dbih", gru.bias_ih_l0.grad), fx.f64("dbhh", gru.bias_hh_l0.grad)
    fx.write()


def gen_bahdanau():
    """Toplamsal dikkat, formülün kendisi: e_bs = vᵀ tanh(W_a q_b + b_a + U_a h_sb),
    α = softmax_s(e) (dolgu konumları -inf), c_b = Σ_s α_bs h_sb. enc (S,B,HE)."""
    S, B, H, HE, A = 5, 3, 4, 6, 7
    lengths = [5, 3, 5]
    q, enc = randn(B, H), randn(S, B, HE)
    wa, ua = randn(A, H, scale=0.5), randn(A, HE, scale=0.5)
    ba, v = randn(A, scale=0.3), randn(A)
    dout = randn(B, HE).detach()
    pre = (q @ wa.t() + ba).unsqueeze(0) + enc @ ua.t()          # (S,B,A)
    e = torch.tanh(pre) @ v                                        # (S,B)
    allowed = torch.tensor([[s < lengths[b] for b in range(B)] for s in range(S)])
    e = e.masked_fill(~allowed, float("-inf"))
    alpha = torch.softmax(e, dim=0)                                # (S,B)
    ctx = (alpha.unsqueeze(-1) * enc).sum(0)                       # (B,HE)
    backward(ctx, dout)
    fx = Fixture("bahdanau")
    fx.i32("dims", [S, B, H, HE, A])
    fx.i32("lengths", lengths)
    fx.f32("q", q), fx.f32("enc", enc), fx.f32("wa", wa), fx.f32("ua", ua)
    fx.f32("ba", ba), fx.f32("v", v), fx.f32("dout", dout)
    fx.f64("out", ctx), fx.f64("alpha", alpha.t()), fx.f64("dq", q.grad), fx.f64("denc", enc.grad)
    fx.f64("dwa", wa.grad), fx.f64("dua", ua.grad), fx.f64("dba", ba.grad), fx.f64("dv", v.grad)
    fx.write()


# ---------------------------------------------------------------- üretken modellerin çekirdekleri
def sinusoid(x, dim, scale=1.0):
    """../shared/bench/torch_models.py'deki sinüslü gömme (ω float32'de, sonra float64)."""
    half = dim // 2
    freq = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half).double()
    a = (x * scale)[:, None] * freq[None, :]
    return torch.cat([torch.sin(a), torch.cos(a)], dim=1)


def gen_genact():
    """LeakyReLU (α = 0.2), GELU (tam, erf'li) ve sinüslü gömme: common/nn/act_extra, sinemb."""
    N, B, E = 16, 5, 8
    fx = Fixture("genact")
    fx.i32("dims", [N, B, E])
    x = randn(N, scale=2.0)
    dout = randn(N).detach()
    fx.f32("x", x), fx.f32("dout", dout)
    for name, fn in (("leaky", lambda a: F.leaky_relu(a, 0.2)), ("gelu", F.gelu)):
        xi = x.detach().clone().requires_grad_(True)
        y = fn(xi)
        backward(y, dout)
        fx.f64(name + "_out", y), fx.f64(name + "_dx", xi.grad)
    for tag, scale, lo, hi in (("t", 1.0, 0.0, 199.0), ("c", 25.0, -1.5, 1.5)):
        t = uniform(lo, hi, B)
        de = randn(B, E).detach()
        e = sinusoid(t, E, scale)
        backward(e, de)
        fx.f32(tag + "_x", t), fx.f32(tag + "_dout", de)
        fx.f64(tag + "_out", e), fx.f64(tag + "_dx", t.grad)
    fx.write()


# ---------------------------------------------------------------- GPT (ders 16)
def gen_gpt():
    """Bütün bir küçük GPT (model/gpt.h): gömmeler E[id] + P[t], NL ön-normalizasyonlu blok
    (LN1 -> nedensel çok başlı öz dikkat -> artık; LN3 -> W1 -> GELU -> W2 -> artık), son
    LayerNorm, BAĞLI çıkış z = h E^T ve ortalama çapraz entropi. PyTorch'un kendi işlevleriyle
    (F.layer_norm, F.multi_head_attention_forward, F.gelu, F.cross_entropy); E'nin gradyanı
    autograd'da iki kullanımından (giriş ve çıkış) kendiliğinden toplanır. FF = 20 ≠ 4C: şekil
    karışıklığını yakalar. Parametre adları C'deki Params tablosunun adlarıdır ('.' yerine '_');
    dikkat bloğu C'deki düzende tek tensör: wq bq wk bk wv bv wo bo."""
    B, T, V, C, NH, FF, NL = 2, 6, 13, 8, 2, 20, 2
    ids, tgt = randint(0, V, B, T), randint(0, V, B, T)
    wte, wpe = randn(V, C, scale=0.5), randn(T, C, scale=0.3)
    layers = []
    for _ in range(NL):
        L = {}
        L["ln1_g"] = (1.0 + randn(C, scale=0.3).detach()).float().double().requires_grad_(True)
        L["ln1_b"] = randn(C, scale=0.2)
        L["wq"], L["bq"] = randn(C, C, scale=0.4), randn(C, scale=0.2)
        L["wk"], L["bk"] = randn(C, C, scale=0.4), randn(C, scale=0.2)
        L["wv"], L["bv"] = randn(C, C, scale=0.4), randn(C, scale=0.2)
        L["wo"], L["bo"] = randn(C, C, scale=0.4), randn(C, scale=0.2)
        L["ln3_g"] = (1.0 + randn(C, scale=0.3).detach()).float().double().requires_grad_(True)
        L["ln3_b"] = randn(C, scale=0.2)
        L["w1"], L["b1"] = randn(C, FF, scale=0.4), randn(FF, scale=0.2)
        L["w2"], L["b2"] = randn(FF, C, scale=0.3), randn(C, scale=0.2)
        layers.append(L)
    lnf_g = (1.0 + randn(C, scale=0.3).detach()).float().double().requires_grad_(True)
    lnf_b = randn(C, scale=0.2)
    causal = ~torch.tril(torch.ones(T, T, dtype=torch.bool))  # True = bakılamaz
    x = F.embedding(ids, wte) + wpe[None, :, :]
    hidden = []
    for L in layers:
        n1 = F.layer_norm(x, (C,), L["ln1_g"], L["ln1_b"], eps=1e-5).transpose(0, 1)
        a, _ = F.multi_head_attention_forward(
            n1, n1, n1, C, NH, in_proj_weight=None,
            in_proj_bias=torch.cat([L["bq"], L["bk"], L["bv"]]), bias_k=None, bias_v=None,
            add_zero_attn=False, dropout_p=0.0, out_proj_weight=L["wo"].t(), out_proj_bias=L["bo"],
            training=False, key_padding_mask=None, need_weights=False, attn_mask=causal,
            use_separate_proj_weight=True, q_proj_weight=L["wq"].t(), k_proj_weight=L["wk"].t(),
            v_proj_weight=L["wv"].t())
        x = x + a.transpose(0, 1)
        n3 = F.layer_norm(x, (C,), L["ln3_g"], L["ln3_b"], eps=1e-5)
        x = x + F.gelu(n3 @ L["w1"] + L["b1"]) @ L["w2"] + L["b2"]
        hidden.append(x)
    h = F.layer_norm(x, (C,), lnf_g, lnf_b, eps=1e-5)
    logits = h @ wte.t()
    loss = F.cross_entropy(logits.reshape(-1, V), tgt.reshape(-1))
    loss.backward()
    fx = Fixture("gpt")
    fx.i32("dims", [B, T, V, C, NH, FF, NL])
    fx.i32("ids", ids), fx.i32("targets", tgt)
    params = [("wte", wte), ("wpe", wpe)]
    for i, L in enumerate(layers):
        attn = [L[k] for k in ("wq", "bq", "wk", "bk", "wv", "bv", "wo", "bo")]
        params += [("h%d_ln1_g" % i, [L["ln1_g"]]), ("h%d_ln1_b" % i, [L["ln1_b"]]),
                   ("h%d_attn" % i, attn), ("h%d_ln3_g" % i, [L["ln3_g"]]),
                   ("h%d_ln3_b" % i, [L["ln3_b"]]), ("h%d_w1" % i, [L["w1"]]),
                   ("h%d_b1" % i, [L["b1"]]), ("h%d_w2" % i, [L["w2"]]), ("h%d_b2" % i, [L["b2"]])]
    params += [("lnf_g", lnf_g), ("lnf_b", lnf_b)]
    flat = lambda ts: torch.cat([t.reshape(-1) for t in ts]) if isinstance(ts, list) else ts
    grad = lambda ts: torch.cat([t.grad.reshape(-1) for t in ts]) if isinstance(ts, list) else ts.grad
    for key, ts in params:
        fx.f32(key, flat(ts))
    for i, hx in enumerate(hidden):
        fx.f64("x%d" % (i + 1), hx)
    fx.f64("logits", logits), fx.f64("loss", loss)
    for key, ts in params:
        fx.f64("d" + key, grad(ts))
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
    gen_latent()
    gen_vae()
    gen_gru()       # en sona: öncekilerin rastgele sayıları (ve dosyaları) değişmez
    gen_bahdanau()
    gen_genact()
    gen_gpt()


if __name__ == "__main__":
    main()
