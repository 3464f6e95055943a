#pragma once
// The modes of the `factorvae` command; each returns the process exit status. The headless build (without Qt)
// has train, replicate, latent, random and evaluate.

#include "app/cli/cli_common.h"

namespace fvae {
struct RunPlan;
}

namespace fvae::cli {

// The run `factorvae train` would start with these options, decided by plan_run (it opens the dataset).
RunPlan plan_training(const OptionParser& parser);

int train_command(const Arguments& arguments);
int replicate_command(const Arguments& arguments);
int latent_command(const Arguments& arguments);
int random_command(const Arguments& arguments);
int evaluate_command(const Arguments& arguments);
int responses_command(const Arguments& arguments);
int export_command(const Arguments& arguments);
int import_seed_command(const Arguments& arguments);
int decode_command(const Arguments& arguments);
int udr_command(const Arguments& arguments);

#ifdef FACTORVAE_WITH_QT
// train --candidates: screening in child processes, ranking by UDR, the winner continued (or a Slurm script).
int train_candidates(const OptionParser& parser, const Arguments& arguments);
#endif

}  // namespace fvae::cli
