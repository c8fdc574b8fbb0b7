#!/usr/bin/python3
"""vae_gen.py — tests/test_vae.c için PyTorch eşlik (parity) dosyası üretir.

pytorch/examples/vae/main.py'deki VAE'nin aynısını (fc1, fc21, fc22, fc3, fc4; ReLU;
BCE toplamı + kapalı biçim KL) küçük boyutlarla kurar, rastgele ağırlıklar ve
SABİT gürültü ε ile ileri ve geri geçişi float64'te hesaplar ve sonucu metin olarak
yazar. C tarafı (common/model/vae.c) aynı ağırlık ve ε ile aynı sayıları vermelidir.
Gradyan denetimi geri geçişin ileri geçişle tutarlı olduğunu gösterir; bu dosya ise
ileri geçişin gerçekten PyTorch'taki formül olduğunu (ör. log σ² mi σ mı, KL'nin
işareti, BCE'nin toplam mı ortalama mı olduğu) gösterir.

Çalıştırma:  /usr/bin/python3 tests/parity/vae_gen.py > tests/parity/vae_fixture.txt
Biçim: '#' satırları yorum; "dims D H J B"; sonra her satır "ad n v1 ... vn".
Ağırlıklar bizim düzenimizde (IN,OUT) yazılır: nn.Linear.weight'in devriği.
Kayıp, yığın ORTALAMASIDIR (nat/görüntü): pytorch/examples yığın toplamını geri
yayar; Adam için ikisi aynı yönü verir, biz ortalamayı kullanırız.
"""
import torch
import torch.nn.functional as F

torch.manual_seed(13)
D, H, J, B = 12, 7, 3, 5
dt = torch.float64


class VAE(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(D, H)
        self.fc21 = torch.nn.Linear(H, J)
        self.fc22 = torch.nn.Linear(H, J)
        self.fc3 = torch.nn.Linear(J, H)
        self.fc4 = torch.nn.Linear(H, D)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def decode(self, z):
        return self.fc4(F.relu(self.fc3(z)))  # logit; sigmoid kayıpta


m = VAE().to(dt)
x = torch.rand(B, D, dtype=dt)          # [0,1] gri tonlar (ikili değil)
x[0, :4] = torch.tensor([0.0, 1.0, 0.0, 1.0], dtype=dt)
eps = torch.randn(B, J, dtype=dt)       # sabit gürültü

mu, logvar = m.encode(x)
z = mu + torch.exp(0.5 * logvar) * eps  # yeniden parametreleme
logits = m.decode(z)
rec = F.binary_cross_entropy(torch.sigmoid(logits), x, reduction="sum") / B
kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / B
loss = rec + kl
loss.backward()


def row(name, t):
    v = t.detach().reshape(-1).tolist()
    print(name, len(v), " ".join("%.17g" % a for a in v))


print("# vae_gen.py ile üretildi; elle düzenlemeyin")
print("dims", D, H, J, B)
row("x", x)
row("eps", eps)
for n in ["fc1", "fc21", "fc22", "fc3", "fc4"]:
    lin = getattr(m, n)
    row(n + ".weight", lin.weight.t())   # (IN,OUT)
    row(n + ".bias", lin.bias)
row("mu", mu)
row("logvar", logvar)
row("logits", logits)
row("rec", rec)
row("kl", kl)
row("loss", loss)
for n in ["fc1", "fc21", "fc22", "fc3", "fc4"]:
    lin = getattr(m, n)
    row("grad." + n + ".weight", lin.weight.grad.t())
    row("grad." + n + ".bias", lin.bias.grad)
