"""The original FactorVAE project's model (3liFi/FactorVAE, PyTorch Lightning; python/model/vae.py), rebuilt layer for
layer so that the tests can make a real Lightning checkpoint of it. test_interop checks it against what the original
code itself computes (tests/fixtures/original_seed_outputs.npz, made by tools/original_fixture.py)."""
import lightning as L
import torch
from torch import nn


class Encoder(nn.Module):
    def __init__(self, latent_dim, channels=1, image_size=28):
        super().__init__()
        flat = 512 * (image_size // 4) ** 2
        self.conv = nn.Sequential(
            nn.Conv2d(channels, 128, 3, stride=2, padding=1, padding_mode="replicate"), nn.LeakyReLU(0.2),
            nn.Conv2d(128, 256, 3, stride=2, padding=1, padding_mode="replicate"), nn.LeakyReLU(0.2),
            nn.Conv2d(256, 512, 3, stride=1, padding=1, padding_mode="replicate"), nn.BatchNorm2d(512),
            nn.LeakyReLU(0.2), nn.Flatten())

        def head():
            return nn.Sequential(nn.Linear(flat, 256), nn.LeakyReLU(0.2), nn.Linear(256, 128), nn.LeakyReLU(0.2),
                                 nn.Linear(128, 64), nn.LeakyReLU(0.2), nn.Linear(64, latent_dim))
        self.fc_mu, self.fc_logvar = head(), head()

    def forward(self, x):
        h = self.conv(x)
        return self.fc_mu(h), self.fc_logvar(h)


class Decoder(nn.Module):
    def __init__(self, latent_dim, channels=1, image_size=28):
        super().__init__()
        self.size = image_size // 4
        self.fc = nn.Sequential(nn.Linear(latent_dim, 128), nn.LeakyReLU(0.2), nn.Linear(128, 256), nn.LeakyReLU(0.2),
                                nn.Linear(256, 512), nn.LeakyReLU(0.2), nn.Linear(512, 1024 * self.size ** 2),
                                nn.LeakyReLU(0.2))
        # 7×7 through the first two transposed convolutions, then 7 → 14 → 28.
        self.deconv = nn.Sequential(
            nn.ConvTranspose2d(1024, 512, 3, stride=1, padding=1), nn.BatchNorm2d(512), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(512, 256, 3, stride=1, padding=1), nn.BatchNorm2d(256), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(256, 128, 3, stride=2, padding=1, output_padding=1), nn.BatchNorm2d(128),
            nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(128, channels, 3, stride=2, padding=1, output_padding=1), nn.Sigmoid())

    def forward(self, z):
        return self.deconv(self.fc(z).view(-1, 1024, self.size, self.size))


class VAE(nn.Module):
    def __init__(self, latent_dim):
        super().__init__()
        self.encoder, self.decoder = Encoder(latent_dim), Decoder(latent_dim)


class Discriminator(nn.Module):
    def __init__(self, latent_dim):
        super().__init__()
        self.discriminator = nn.Sequential(
            nn.Linear(latent_dim, 1000), nn.BatchNorm1d(1000), nn.LeakyReLU(0.2), nn.Dropout(0.3),
            nn.Linear(1000, 1000), nn.BatchNorm1d(1000), nn.LeakyReLU(0.2), nn.Dropout(0.3), nn.Linear(1000, 2))

    def forward(self, z):
        return self.discriminator(z)


class FactorVAE(L.LightningModule):
    """Enough of the original LightningModule to train a step and save a genuine checkpoint."""

    def __init__(self, latent_dim=8):
        super().__init__()
        self.automatic_optimization = False
        self.vae, self.discriminator = VAE(latent_dim), Discriminator(latent_dim)

    def training_step(self, batch, _):
        x = batch[0]
        vae_opt, disc_opt = self.optimizers()
        mu, logvar = self.vae.encoder(x)
        z = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
        recon = self.vae.decoder(z)
        kl = 0.5 * (mu ** 2 + logvar.exp() - 1 - logvar).sum(1).mean()
        logits = self.discriminator(z)
        loss = nn.functional.mse_loss(recon, x, reduction="sum") / len(x) + kl + (logits[:, 1] - logits[:, 0]).mean()
        vae_opt.zero_grad()
        self.manual_backward(loss)
        vae_opt.step()
        permuted = torch.stack([z[torch.randperm(len(z)), d] for d in range(z.shape[1])], 1).detach()
        disc_loss = nn.functional.cross_entropy(
            self.discriminator(torch.cat([z.detach(), permuted])),
            torch.cat([torch.ones(len(z)), torch.zeros(len(z))]).long())
        disc_opt.zero_grad()
        self.manual_backward(disc_loss)
        disc_opt.step()

    def configure_optimizers(self):
        return (torch.optim.Adam(self.vae.parameters(), lr=1e-3), torch.optim.Adam(self.discriminator.parameters(), lr=1e-3))
