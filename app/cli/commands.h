#pragma once
// The modes of the `factorvae` command; each returns the process exit status.

#include <QStringList>

namespace fvae::cli {

int train_command(const QStringList& arguments);
int replicate_command(const QStringList& arguments);
int latent_command(const QStringList& arguments);
int random_command(const QStringList& arguments);
int evaluate_command(const QStringList& arguments);
int responses_command(const QStringList& arguments);
int export_command(const QStringList& arguments);
int import_seed_command(const QStringList& arguments);
int decode_command(const QStringList& arguments);
int udr_command(const QStringList& arguments);

}  // namespace fvae::cli
