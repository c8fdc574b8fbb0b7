#!/usr/bin/env python3
"""gru_gen.py — PyTorch nn.GRU ile eşlik (parity) fikstürü üretir.

Çalıştırma (depo kökünde):  /usr/bin/python3 tests/parity/gru_gen.py
Çıktı: tests/fixtures/gru_parity.txt (depoya işlenir; C testi tests/test_gru.c okur).

Küçük bir nn.GRU (I=3, H=4), T=5 adım, B=2 yığın, sıfır olmayan h0. Kayıp
L = Σ hs ⊙ R (R sabit rastgele): böylece her çıktının gradyanı farklıdır.
Dosya biçimi: her satırda "ad eleman_sayısı değer değer ...", tensörler düz
(row-major) ve PyTorch'un kendi düzeninde: x (T,B,I), h0 (1,B,H) -> (B,H),
weight_ih_l0 (3H,I) [r; z; n], weight_hh_l0 (3H,H), bias_ih_l0, bias_hh_l0 (3H).
"""
import os
import torch

torch.manual_seed(1234)
T, B, I, H = 5, 2, 3, 4
gru = torch.nn.GRU(I, H).double()
x = torch.randn(T, B, I, dtype=torch.double, requires_grad=True)
h0 = torch.randn(1, B, H, dtype=torch.double, requires_grad=True)
R = torch.randn(T, B, H, dtype=torch.double)
hs, hT = gru(x, h0)
loss = (hs * R).sum()
loss.backward()

out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "gru_parity.txt")
with open(out, "w") as f:
    f.write("# PyTorch %s nn.GRU eşlik fikstürü: T=%d B=%d I=%d H=%d (gru_gen.py üretti)\n"
            % (torch.__version__, T, B, I, H))
    def put(name, t):
        v = t.detach().reshape(-1).tolist()
        f.write(name + " %d " % len(v) + " ".join("%.17g" % a for a in v) + "\n")
    put("dims", torch.tensor([T, B, I, H], dtype=torch.double))
    put("wih", gru.weight_ih_l0)
    put("whh", gru.weight_hh_l0)
    put("bih", gru.bias_ih_l0)
    put("bhh", gru.bias_hh_l0)
    put("x", x)
    put("h0", h0)
    put("R", R)
    put("hs", hs)
    put("loss", loss.reshape(1))
    put("dwih", gru.weight_ih_l0.grad)
    put("dwhh", gru.weight_hh_l0.grad)
    put("dbih", gru.bias_ih_l0.grad)
    put("dbhh", gru.bias_hh_l0.grad)
    put("dx", x.grad)
    put("dh0", h0.grad)
print("yazıldı:", os.path.normpath(out))
