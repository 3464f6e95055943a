<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>fvae::service::TrainingSession</name>
    <message>
        <location filename="../app/service/studio_service.cpp" line="172"/>
        <source>A training is already running.</source>
        <translation>Es läuft bereits ein Training.</translation>
    </message>
    <message>
        <location filename="../app/service/studio_service.cpp" line="200"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/service/studio_service.cpp" line="254"/>
        <source>Training stopped; saved %1</source>
        <translation>Training gestoppt; %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/studio_service.cpp" line="254"/>
        <source>Training finished; saved %1</source>
        <translation>Training beendet; %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>fvae::ui::LatentExplorer</name>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="33"/>
        <source>Open a checkpoint or start a training to explore its latent space.</source>
        <translation>Öffnen Sie einen Checkpoint oder starten Sie ein Training, um den latenten Raum zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="38"/>
        <source>Absolute values</source>
        <translation>Absolute Werte</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="39"/>
        <source>Sliders set the code directly instead of adding offsets to the base code</source>
        <translation>Die Schieberegler setzen den Code direkt, statt Verschiebungen zum Basiscode zu addieren</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="40"/>
        <source>Base: zero</source>
        <translation>Basis: null</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="41"/>
        <source>Base: random sample</source>
        <translation>Basis: Zufallsstichprobe</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="42"/>
        <source>Reset sliders</source>
        <translation>Regler zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="43"/>
        <source>Traversal grid…</source>
        <translation>Traversierungsraster…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="44"/>
        <source>Every dimension from −3 to +3 around the current code, with difference maps</source>
        <translation>Jede Dimension von −3 bis +3 um den aktuellen Code, mit Differenzkarten</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="95"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="96"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="97"/>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="101"/>
        <source>Name of latent dimension %1; saved into the checkpoint</source>
        <translation>Name der latenten Dimension %1; wird im Checkpoint gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="107"/>
        <source>Latent dimension %1</source>
        <translation>Latente Dimension %1</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="112"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="198"/>
        <source>decoded in %1 ms</source>
        <translation>in %1 ms dekodiert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="207"/>
        <source>Decoding the traversal grid…</source>
        <translation>Das Traversierungsraster wird dekodiert…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="207"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="236"/>
        <source>Traversal grid</source>
        <translation>Traversierungsraster</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="245"/>
        <source>Save traversal grid</source>
        <translation>Traversierungsraster speichern</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="246"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="249"/>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="249"/>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>fvae::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="40"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="41"/>
        <source>dataset: shapes (built in)</source>
        <translation>Datensatz: shapes (eingebaut)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="43"/>
        <source>FactorVAE Studio</source>
        <translation>FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="46"/>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="47"/>
        <source>Latent &amp;explorer</source>
        <translation>Latenter &amp;Explorer</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="48"/>
        <source>&amp;Sampling</source>
        <translation>&amp;Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="57"/>
        <source>device: CPU (CUDA when the LibTorch build and a GPU allow)</source>
        <translation>Gerät: CPU (CUDA, wenn LibTorch-Build und GPU es erlauben)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="63"/>
        <source>device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <source>Names will be saved with the next checkpoint.</source>
        <translation>Die Namen werden mit dem nächsten Checkpoint gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="78"/>
        <source>Names saved in %1</source>
        <translation>Namen in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>Cannot save the names</source>
        <translation>Die Namen können nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="94"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="95"/>
        <source>&amp;Open checkpoint…</source>
        <translation>Checkpoint &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="97"/>
        <source>Open checkpoint</source>
        <translation>Checkpoint öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="97"/>
        <source>FactorVAE checkpoints (*.fvae)</source>
        <translation>FactorVAE-Checkpoints (*.fvae)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="101"/>
        <source>Load a trained model into the latent explorer</source>
        <translation>Ein trainiertes Modell in den latenten Explorer laden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="102"/>
        <source>&amp;Recent checkpoints</source>
        <translation>&amp;Zuletzt geöffnete Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="105"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="108"/>
        <source>T&amp;raining</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="111"/>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Pausieren / fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="113"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="116"/>
        <source>&amp;About FactorVAE Studio</source>
        <translation>Ü&amp;ber FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="117"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144"/>
        <source>Cannot open checkpoint</source>
        <translation>Checkpoint kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="150"/>
        <source>model: %1 (%2)</source>
        <translation>Modell: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>About FactorVAE Studio</source>
        <translation>Über FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="165"/>
        <source>&lt;h3&gt;FactorVAE Studio %1&lt;/h3&gt;&lt;p&gt;Train a FactorVAE (Kim &amp;amp; Mnih 2018) and explore what each latent dimension means.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FactorVAE Studio %1&lt;/h3&gt;&lt;p&gt;Trainieren Sie ein FactorVAE (Kim &amp;amp; Mnih 2018) und erkunden Sie, was jede latente Dimension bedeutet.&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="173"/>
        <source>Training is running</source>
        <translation>Ein Training läuft</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="173"/>
        <source>Stop the training, save it and quit?</source>
        <translation>Training stoppen, speichern und beenden?</translation>
    </message>
</context>
<context>
    <name>fvae::ui::SamplingPanel</name>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="42"/>
        <source>Standard deviation of the prior samples</source>
        <translation>Standardabweichung der Stichproben aus der Prior-Verteilung</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="43"/>
        <source>&amp;Resample</source>
        <translation>&amp;Neu ziehen</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="44"/>
        <source>&amp;New seed</source>
        <translation>Neuer &amp;Seed</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="52"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="53"/>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatur:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="54"/>
        <source>&amp;Columns:</source>
        <translation>&amp;Spalten:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="55"/>
        <source>R&amp;ows:</source>
        <translation>&amp;Zeilen:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="60"/>
        <source>Click a sample to explore its code.</source>
        <translation>Klicken Sie auf eine Stichprobe, um ihren Code zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="102"/>
        <source>Sample %1: open in the latent explorer</source>
        <translation>Stichprobe %1: im latenten Explorer öffnen</translation>
    </message>
</context>
<context>
    <name>fvae::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training_panel.cpp" line="35"/>
        <source>reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="36"/>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="37"/>
        <source>TC estimate</source>
        <translation>TC-Schätzung</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="38"/>
        <source>discriminator accuracy</source>
        <translation>Diskriminator-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="58"/>
        <source>shapes (built in), a MedMNIST .npz, an IDX folder or a folder of images</source>
        <translation>shapes (eingebaut), eine MedMNIST-.npz-Datei, ein IDX-Ordner oder ein Bilderordner</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="59"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="61"/>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="62"/>
        <source>Datasets (*.npz *-ubyte *-ubyte.gz);;All files (*)</source>
        <translation>Datensätze (*.npz *-ubyte *-ubyte.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="66"/>
        <source>Paper (lean model)</source>
        <translation>Paper (schlankes Modell)</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="67"/>
        <source>Original project (seed)</source>
        <translation>Ursprüngliches Projekt (seed)</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="80"/>
        <source>Weight of the total-correlation term, per sample</source>
        <translation>Gewicht des Totalkorrelationsterms, pro Stichprobe</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="94"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="109"/>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="110"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="111"/>
        <source>Image &amp;size:</source>
        <translation>Bild&amp;größe:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="112"/>
        <source>&amp;Latent dimensions:</source>
        <translation>&amp;Latente Dimensionen:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="113"/>
        <source>&amp;β (KL weight):</source>
        <translation>&amp;β (KL-Gewicht):</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="114"/>
        <source>&amp;γ (TC weight):</source>
        <translation>&amp;γ (TC-Gewicht):</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="115"/>
        <source>Learning &amp;rate:</source>
        <translation>Lern&amp;rate:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="116"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="117"/>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="118"/>
        <source>S&amp;tep budget:</source>
        <translation>Schri&amp;ttbudget:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="119"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="120"/>
        <source>&amp;Output folder:</source>
        <translation>&amp;Ausgabeordner:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="121"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="124"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="125"/>
        <location filename="../ui/training_panel.cpp" line="272"/>
        <location filename="../ui/training_panel.cpp" line="280"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="126"/>
        <source>St&amp;op</source>
        <translation>St&amp;opp</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="133"/>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="140"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="156"/>
        <source>EMA smoothing of the bold lines</source>
        <translation>EMA-Glättung der fetten Linien</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="158"/>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="164"/>
        <source>KL per dimension</source>
        <translation>KL pro Dimension</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="171"/>
        <source>KL per latent dimension (nats): bars near zero are collapsed dimensions</source>
        <translation>KL pro latenter Dimension (nats): Balken nahe null sind kollabierte Dimensionen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="193"/>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="210"/>
        <source>Training %1 on %2.</source>
        <translation>Training von %1 auf %2.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="220"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="222"/>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="268"/>
        <source>Cannot start training</source>
        <translation>Training kann nicht gestartet werden</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="273"/>
        <source>Preparing the dataset…</source>
        <translation>Datensatz wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="280"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="281"/>
        <source>Paused.</source>
        <translation>Pausiert.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="281"/>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="287"/>
        <source>Stopping after this step and saving…</source>
        <translation>Stoppe nach diesem Schritt und speichere…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="348"/>
        <source>epoch %1 · step %2/%3 · %4 img/s · ETA %5</source>
        <translation>Epoche %1 · Schritt %2/%3 · %4 Bilder/s · Restzeit %5</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="23"/>
        <source>Train a FactorVAE and explore its latent space.</source>
        <translation>Ein FactorVAE trainieren und seinen latenten Raum erkunden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="26"/>
        <source>checkpoint to open</source>
        <translation>zu öffnender Checkpoint</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="29"/>
        <source>save a PNG of each tab after a few seconds and quit (for documentation)</source>
        <translation>nach einigen Sekunden ein PNG jedes Reiters speichern und beenden (für die Dokumentation)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="34"/>
        <source>start training on the built-in dataset at once</source>
        <translation>sofort auf dem eingebauten Datensatz trainieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="36"/>
        <source>language of the user interface (e.g. en, de; default: the system&apos;s)</source>
        <translation>Sprache der Benutzeroberfläche (z. B. en, de; Vorgabe: die des Systems)</translation>
    </message>
</context>
</TS>
