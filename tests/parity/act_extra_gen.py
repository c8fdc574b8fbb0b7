#!/usr/bin/python3
"""act_extra_gen.py — tests/parity/act_extra.txt fikstürünü PyTorch ile üretir.

LeakyReLU (α = 0.2), GELU (tam, erf'li) ve sinüslü gömme (../shared/bench/torch_models.py
içindeki sinusoid ile aynı formül) için girişler, ileri çıktılar ve rastgele bir
R'ye karşı L = Σ out ⊙ R kaybının girişe göre gradyanı. C tarafı: tests/test_genact.c.
Çalıştırma: /usr/bin/python3 tests/parity/act_extra_gen.py > tests/parity/act_extra.txt
"""
import math
import torch
import torch.nn.functional as F

torch.manual_seed(7)


def sinusoid(x, dim, scale=1.0):
    half = dim // 2
    freq = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
    a = (x.float() * scale)[:, None] * freq[None, :]
    return torch.cat([torch.sin(a), torch.cos(a)], dim=1)


def dump(name, t):
    v = t.detach().reshape(-1).tolist()
    print(name, len(v), " ".join(f"{x:.9g}" for x in v))


N = 24
x = (torch.randn(N) * 2).requires_grad_()
R = torch.randn(N)
for name, f in (("leaky", lambda a: F.leaky_relu(a, 0.2)), ("gelu", F.gelu)):
    if x.grad is not None:
        x.grad = None
    y = f(x)
    (y * R).sum().backward()
    dump(name + "_x", x)
    dump(name + "_R", R)
    dump(name + "_y", y)
    dump(name + "_dx", x.grad)

B, E = 5, 8
for scale in (1.0, 25.0):
    t = (torch.rand(B) * (3.0 if scale > 1 else 200.0) - (1.5 if scale > 1 else 0.0)).requires_grad_()
    y = sinusoid(t, E, scale)
    Ry = torch.randn(B, E)
    (y * Ry).sum().backward()
    tag = f"sin{int(scale)}"
    dump(tag + "_x", t)
    dump(tag + "_R", Ry)
    dump(tag + "_y", y)
    dump(tag + "_dx", t.grad)
