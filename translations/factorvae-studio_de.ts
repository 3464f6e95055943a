<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DatasetView</name>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="53"/>
        <source>square</source>
        <translation>Quadrat</translation>
    </message>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="54"/>
        <source>ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="55"/>
        <source>heart</source>
        <translation>Herz</translation>
    </message>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="59"/>
        <source>%1, scale %2, %3°, x %4, y %5</source>
        <translation>%1, Größe %2, %3°, x %4, y %5</translation>
    </message>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="73"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="81"/>
        <source>no finding</source>
        <translation>kein Befund</translation>
    </message>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="82"/>
        <source>findings %1</source>
        <translation>Befunde %1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="26"/>
        <location filename="../ui/export_dialogs.cpp" line="45"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="26"/>
        <source>Upscale by (crisp pixels):</source>
        <translation>Vergrößern um (scharfe Pixel):</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="35"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="52"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="60"/>
        <source>Animated GIF (*.gif)</source>
        <translation>Animiertes GIF (*.gif)</translation>
    </message>
</context>
<context>
    <name>ResponsePlots</name>
    <message>
        <location filename="../app/service/response_plots.cpp" line="20"/>
        <source>shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="20"/>
        <source>scale</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="21"/>
        <source>orientation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="21"/>
        <source>x position</source>
        <translation>x-Position</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="22"/>
        <source>y position</source>
        <translation>y-Position</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="22"/>
        <source>square</source>
        <translation>Quadrat</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="23"/>
        <source>ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="23"/>
        <source>heart</source>
        <translation>Herz</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="24"/>
        <source>no finding</source>
        <translation>kein Befund</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="24"/>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="26"/>
        <source>atelectasis</source>
        <translation>Atelektase</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="26"/>
        <source>cardiomegaly</source>
        <translation>Kardiomegalie</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="27"/>
        <source>effusion</source>
        <translation>Erguss</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="27"/>
        <source>infiltration</source>
        <translation>Infiltrat</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="28"/>
        <source>mass</source>
        <translation>Raumforderung</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="28"/>
        <source>nodule</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="29"/>
        <source>pneumonia</source>
        <translation>Pneumonie</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="29"/>
        <source>pneumothorax</source>
        <translation>Pneumothorax</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="30"/>
        <source>consolidation</source>
        <translation>Konsolidierung</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="30"/>
        <source>edema</source>
        <translation>Ödem</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="31"/>
        <source>emphysema</source>
        <translation>Emphysem</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="31"/>
        <source>fibrosis</source>
        <translation>Fibrose</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="32"/>
        <source>pleural thickening</source>
        <translation>Pleuraverdickung</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="32"/>
        <source>hernia</source>
        <translation>Hernie</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="33"/>
        <source>T-shirt/top</source>
        <translation>T-Shirt/Top</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="33"/>
        <source>trouser</source>
        <translation>Hose</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="34"/>
        <source>pullover</source>
        <translation>Pullover</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="34"/>
        <source>dress</source>
        <translation>Kleid</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="35"/>
        <source>coat</source>
        <translation>Mantel</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="35"/>
        <source>sandal</source>
        <translation>Sandale</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="36"/>
        <source>shirt</source>
        <translation>Hemd</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="36"/>
        <source>sneaker</source>
        <translation>Sneaker</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="37"/>
        <source>bag</source>
        <translation>Tasche</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="37"/>
        <source>ankle boot</source>
        <translation>Stiefelette</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="100"/>
        <source>Mean of μ (band: ±1 std) as each factor sweeps its values, the others random; %1 images per point, seed %2</source>
        <translation>Mittelwert von μ (Band: ±1 Standardabweichung), während jeder Faktor seine Werte durchläuft, die anderen zufällig; %1 Bilder pro Punkt, Seed %2</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="108"/>
        <location filename="../app/service/response_plots.cpp" line="110"/>
        <source>Curves per %1:</source>
        <translation>Kurven je %1:</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="123"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="91"/>
        <location filename="../app/service/response_plots.cpp" line="207"/>
        <source>Var[μ] %1</source>
        <translation>Var[μ] %1</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="207"/>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="236"/>
        <source>μ per class (box: quartiles, whiskers: 5–95 %, dot: mean), %1 images, seed %2; dimensions ranked by η², the share of μ&apos;s variance the classes explain</source>
        <translation>μ je Klasse (Box: Quartile, Whisker: 5–95 %, Punkt: Mittelwert), %1 Bilder, Seed %2; Dimensionen nach η² geordnet, dem Anteil der Varianz von μ, den die Klassen erklären</translation>
    </message>
</context>
<context>
    <name>fvae::service::ModelExchange</name>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="36"/>
        <source>Wrote %1: encoder, decoder and configuration as safetensors (%2 KB): safetensors.torch.load_file(&quot;%3&quot;)</source>
        <translation>%1 geschrieben: Encoder, Decoder und Konfiguration als safetensors (%2 KB): safetensors.torch.load_file(&quot;%3&quot;)</translation>
    </message>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="45"/>
        <source>Wrote %1: encoder, decoder and configuration (%2 KB)</source>
        <translation>%1 geschrieben: Encoder, Decoder und Konfiguration (%2 KB)</translation>
    </message>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="51"/>
        <source>Wrote %1 for PyTorch: torch.load(&quot;%2&quot;)[&quot;state_dict&quot;] (%3 KB)</source>
        <translation>%1 für PyTorch geschrieben: torch.load(&quot;%2&quot;)[&quot;state_dict&quot;] (%3 KB)</translation>
    </message>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="81"/>
        <source>FactorVAE metric %1, MIG %2</source>
        <translation>FactorVAE-Metrik %1, MIG %2</translation>
    </message>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="123"/>
        <source>Imported %1 as %2 (%3)</source>
        <translation>%1 als %2 importiert (%3)</translation>
    </message>
</context>
<context>
    <name>fvae::service::TrainingSession</name>
    <message>
        <location filename="../app/service/training_session.cpp" line="313"/>
        <source>A training is already running.</source>
        <translation>Es läuft bereits ein Training.</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="320"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="221"/>
        <source>Seed %1 chosen by UDR (%2) and trained to the full budget; saved %3</source>
        <translation>Seed %1 per UDR gewählt (%2) und bis zum vollen Budget trainiert; %3 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="149"/>
        <source>time budget of %1</source>
        <translation>Zeitbudget von %1</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="226"/>
        <source>Stopped; the chosen candidate (seed %1, UDR %2) is saved in %3</source>
        <translation>Gestoppt; der gewählte Kandidat (Seed %1, UDR %2) ist in %3 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="231"/>
        <source>Stopped before the ranking; the candidate trained furthest (seed %1, step %2) is saved in %3</source>
        <translation>Vor der Rangfolge gestoppt; der am weitesten trainierte Kandidat (Seed %1, Schritt %2) ist in %3 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="238"/>
        <source>Stopped before any candidate trained a step.</source>
        <translation>Gestoppt, bevor ein Kandidat einen Schritt trainiert hat.</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="250"/>
        <source>Training stopped; saved %1</source>
        <translation>Training gestoppt; %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="251"/>
        <source>Training finished; saved %1</source>
        <translation>Training beendet; %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="343"/>
        <source>an unknown error stopped the training</source>
        <translation>ein unbekannter Fehler hat das Training beendet</translation>
    </message>
</context>
<context>
    <name>fvae::ui::CandidatesTable</name>
    <message>
        <location filename="../ui/candidates_table.cpp" line="11"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="11"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="11"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="11"/>
        <source>UDR</source>
        <translation>UDR</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="11"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="11"/>
        <source>KL per dimension</source>
        <translation>KL pro Dimension</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="21"/>
        <source>UDR: how much a candidate&apos;s active dimensions agree with the other candidates&apos; (0–1, higher is better; no labels needed). Active: dimensions with a mean KL of at least 0.1 nats on the ranking&apos;s images.</source>
        <translation>UDR: wie sehr die aktiven Dimensionen eines Kandidaten mit denen der anderen Kandidaten übereinstimmen (0–1, höher ist besser; ohne Labels). Aktiv: Dimensionen mit einer mittleren KL von mindestens 0,1 nats auf den Bildern der Rangfolge.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="30"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="32"/>
        <source>screening</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="34"/>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="34"/>
        <source>screened</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="36"/>
        <source>chosen, continuing</source>
        <translation>gewählt, läuft weiter</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="38"/>
        <source>chosen, done</source>
        <translation>gewählt, fertig</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="40"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="42"/>
        <source>removed (lost)</source>
        <translation>entfernt (verloren)</translation>
    </message>
</context>
<context>
    <name>fvae::ui::DatasetBrowser</name>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="20"/>
        <location filename="../ui/dataset_browser.cpp" line="74"/>
        <source>No dataset</source>
        <translation>Kein Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="28"/>
        <source>Dataset images</source>
        <translation>Bilder des Datensatzes</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="30"/>
        <source>Index of the first image on this page</source>
        <translation>Index des ersten Bildes dieser Seite</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="32"/>
        <source>◀ Page</source>
        <translation>◀ Seite</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="33"/>
        <source>Page ▶</source>
        <translation>Seite ▶</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="34"/>
        <source>Random page</source>
        <translation>Zufällige Seite</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="35"/>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="36"/>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="44"/>
        <source>First image</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="56"/>
        <source>First image:</source>
        <translation>Erstes Bild:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataset_browser.cpp" line="73"/>
        <source>%1 — %Ln image(s)</source>
        <translation>
            <numerusform>%1 — %Ln Bild</numerusform>
            <numerusform>%1 — %Ln Bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fvae::ui::DatasetThumbnailModel</name>
    <message>
        <location filename="../ui/dataset_thumbnail_model.cpp" line="41"/>
        <location filename="../ui/dataset_thumbnail_model.cpp" line="44"/>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <location filename="../ui/dataset_thumbnail_model.cpp" line="41"/>
        <source>image %1: %2</source>
        <translation>Bild %1: %2</translation>
    </message>
</context>
<context>
    <name>fvae::ui::InterpolationView</name>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="25"/>
        <source>Interpolation between two images</source>
        <translation>Interpolation zwischen zwei Bildern</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="27"/>
        <source>Cannot interpolate</source>
        <translation>Interpolation nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="30"/>
        <source>From…</source>
        <translation>Von…</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="30"/>
        <source>To…</source>
        <translation>Nach…</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="33"/>
        <source>Pick a dataset image; its encoding (μ) is an end of the interpolation</source>
        <translation>Ein Bild des Datensatzes wählen; seine Kodierung (μ) ist ein Ende der Interpolation</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="37"/>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="38"/>
        <source>Spherical (slerp)</source>
        <translation>Sphärisch (Slerp)</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="39"/>
        <source>Spherical interpolation keeps the code&apos;s norm typical of the prior along the way</source>
        <translation>Sphärische Interpolation hält die Norm des Codes unterwegs typisch für die A-priori-Verteilung</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="41"/>
        <source>Images in the strip</source>
        <translation>Bilder im Streifen</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="42"/>
        <source>Images in the strip, ends included</source>
        <translation>Bilder im Streifen, Enden eingeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="45"/>
        <location filename="../ui/interpolation_view.cpp" line="126"/>
        <source>Pick two images to interpolate between their codes.</source>
        <translation>Zwei Bilder wählen, um zwischen ihren Codes zu interpolieren.</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="51"/>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="52"/>
        <source>Save GIF…</source>
        <translation>GIF speichern…</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="63"/>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="65"/>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="100"/>
        <source>Interpolate from</source>
        <translation>Interpolieren von</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="100"/>
        <source>Interpolate to</source>
        <translation>Interpolieren nach</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="112"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="112"/>
        <source>To</source>
        <translation>Nach</translation>
    </message>
</context>
<context>
    <name>fvae::ui::JobControls</name>
    <message>
        <location filename="../ui/job_controls.cpp" line="14"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/job_controls.cpp" line="27"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/job_controls.cpp" line="31"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/job_controls.cpp" line="54"/>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
</context>
<context>
    <name>fvae::ui::KlChart</name>
    <message>
        <location filename="../ui/kl_chart.cpp" line="15"/>
        <source>KL per dimension</source>
        <translation>KL pro Dimension</translation>
    </message>
    <message>
        <location filename="../ui/kl_chart.cpp" line="22"/>
        <source>KL per latent dimension (nats)</source>
        <translation>KL pro latenter Dimension (nats)</translation>
    </message>
    <message>
        <location filename="../ui/kl_chart.cpp" line="32"/>
        <source>KL per latent dimension (nats): bars near zero are collapsed dimensions</source>
        <translation>KL pro latenter Dimension (nats): Balken nahe null sind kollabierte Dimensionen</translation>
    </message>
</context>
<context>
    <name>fvae::ui::LatentExplorer</name>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="42"/>
        <source>Cannot decode the previews</source>
        <translation>Die Vorschauen können nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="44"/>
        <source>Cannot decode the traversal grid</source>
        <translation>Traversierungsraster kann nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="46"/>
        <source>Cannot encode the image</source>
        <translation>Das Bild kann nicht kodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="48"/>
        <source>Cannot decode</source>
        <translation>Dekodieren nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="50"/>
        <source>traversal grid %p%</source>
        <translation>Traversierungsraster %p%</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="59"/>
        <source>Open a checkpoint or start a training to explore its latent space.</source>
        <translation>Öffnen Sie einen Checkpoint oder starten Sie ein Training, um den latenten Raum zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="65"/>
        <source>Absolute values</source>
        <translation>Absolute Werte</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="66"/>
        <source>Sliders set the code directly instead of adding offsets to the base code</source>
        <translation>Die Schieberegler setzen den Code direkt, statt Verschiebungen zum Basiscode zu addieren</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="67"/>
        <source>Base: zero</source>
        <translation>Basis: null</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="68"/>
        <source>Base: random sample</source>
        <translation>Basis: Zufallsstichprobe</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="69"/>
        <source>Base: dataset image…</source>
        <translation>Basis: Bild aus dem Datensatz…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="70"/>
        <source>Start from the encoding (μ) of an image of the current dataset</source>
        <translation>Von der Kodierung (μ) eines Bildes des aktuellen Datensatzes ausgehen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="71"/>
        <source>Reset sliders</source>
        <translation>Regler zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="72"/>
        <source>Save image…</source>
        <translation>Bild speichern…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="77"/>
        <source>Traversal grid…</source>
        <translation>Traversierungsraster…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="78"/>
        <source>Every dimension from −3 to +3 around the current code, with difference maps</source>
        <translation>Jede Dimension von −3 bis +3 um den aktuellen Code, mit Differenzkarten</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="110"/>
        <source>Follow the live training</source>
        <translation>Dem laufenden Training folgen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="111"/>
        <source>Show the running training&apos;s weights here instead (the model shown now stays on disk)</source>
        <translation>Stattdessen die Gewichte des laufenden Trainings zeigen (das gezeigte Modell bleibt auf der Platte)</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="133"/>
        <source>Showing %1</source>
        <translation>Gezeigt: %1</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="165"/>
        <source>Base code from an image</source>
        <translation>Basiscode aus einem Bild</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="187"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="188"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="189"/>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="190"/>
        <source>Preview: −3 … +3</source>
        <translation>Vorschau: −3 … +3</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="198"/>
        <source>Name of latent dimension %1; saved into the checkpoint</source>
        <translation>Name der latenten Dimension %1; wird im Checkpoint gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="204"/>
        <source>Latent dimension %1</source>
        <translation>Latente Dimension %1</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="207"/>
        <source>Dimension %1</source>
        <translation>Dimension %1</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="208"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="226"/>
        <source>Dimension %1 from −3 to +3 around the base code, the other dimensions as in the base</source>
        <translation>Dimension %1 von −3 bis +3 um den Basiscode, die übrigen Dimensionen wie in der Basis</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="241"/>
        <source>inactive: KL below %1 nats</source>
        <translation>inaktiv: KL unter %1 nats</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="336"/>
        <source>weights of step %1 · decoded in %2 ms</source>
        <translation>Gewichte von Schritt %1 · dekodiert in %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="337"/>
        <source>decoded in %1 ms</source>
        <translation>in %1 ms dekodiert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="52"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="392"/>
        <source>Traversal grid</source>
        <translation>Traversierungsraster</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="395"/>
        <source>Rows: latent dimensions from the top; columns: −3 … +3; last column: difference map</source>
        <translation>Zeilen: latente Dimensionen von oben; Spalten: −3 … +3; letzte Spalte: Differenzkarte</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="399"/>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="400"/>
        <source>Save GIF…</source>
        <translation>GIF speichern…</translation>
    </message>
</context>
<context>
    <name>fvae::ui::LatentMapView</name>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="45"/>
        <source>&amp;Compute map</source>
        <translation>Karte &amp;berechnen</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="46"/>
        <source>&amp;Export codes…</source>
        <translation>Codes e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="50"/>
        <source>Dataset images to encode: a seeded random subset when the dataset holds more</source>
        <translation>Zu kodierende Bilder des Datensatzes: eine reproduzierbare Zufallsauswahl, wenn er mehr enthält</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="51"/>
        <source>The same seed maps the same images</source>
        <translation>Derselbe Seed bildet dieselben Bilder ab</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="52"/>
        <source>Horizontal axis: a principal component of μ, or one dimension</source>
        <translation>Waagerechte Achse: eine Hauptkomponente von μ oder eine Dimension</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="53"/>
        <source>Vertical axis: a principal component of μ, or one dimension</source>
        <translation>Senkrechte Achse: eine Hauptkomponente von μ oder eine Dimension</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="54"/>
        <source>Colour the points by a label or ground-truth factor</source>
        <translation>Punkte nach einem Label oder einem Faktor der Grundwahrheit färben</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="70"/>
        <source>Writes μ and log σ² of the map&apos;s images with their labels for other tools: NumPy arrays, a CSV table and TensorBoard&apos;s projector (tensorboard --logdir FOLDER/projector)</source>
        <translation>Schreibt μ und log σ² der Bilder der Karte mit ihren Labels für andere Werkzeuge: NumPy-Arrays, eine CSV-Tabelle und TensorBoards Projector (tensorboard --logdir ORDNER/projector)</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="79"/>
        <source>Images:</source>
        <translation>Bilder:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="80"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="81"/>
        <source>Horizontal:</source>
        <translation>Waagerecht:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="82"/>
        <source>Vertical:</source>
        <translation>Senkrecht:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="83"/>
        <source>Colour by:</source>
        <translation>Färben nach:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="144"/>
        <source>Open a checkpoint or start a training to map its codes.</source>
        <translation>Öffnen Sie einen Checkpoint oder starten Sie ein Training, um seine Codes abzubilden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="146"/>
        <source>Open a dataset to map its images&apos; codes.</source>
        <translation>Öffnen Sie einen Datensatz, um die Codes seiner Bilder abzubilden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="148"/>
        <source>Maps μ of the dataset&apos;s images; hover a point to see its image, click it to explore its code.</source>
        <translation>Bildet μ der Bilder des Datensatzes ab; zeigen Sie auf einen Punkt, um sein Bild zu sehen, klicken Sie ihn an, um seinen Code zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="159"/>
        <source>Export the codes into a folder</source>
        <translation>Die Codes in einen Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="171"/>
        <source>Exporting the codes…</source>
        <translation>Die Codes werden exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="176"/>
        <source>Wrote %1 files into %2; TensorBoard&apos;s projector: tensorboard --logdir %3</source>
        <translation>%1 Dateien in %2 geschrieben; TensorBoards Projector: tensorboard --logdir %3</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="193"/>
        <source>Encoding…</source>
        <translation>Kodiere…</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="203"/>
        <source>%1 images. Principal components explain %2 % and %3 % of μ&apos;s variance. Drag to pan, wheel to zoom; hover a point to see its image, click it to explore its code.</source>
        <translation>%1 Bilder. Die Hauptkomponenten erklären %2 % und %3 % der Varianz von μ. Ziehen verschiebt, das Mausrad zoomt; zeigen Sie auf einen Punkt, um sein Bild zu sehen, klicken Sie ihn an, um seinen Code zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="221"/>
        <source>PC %1 (%2 %)</source>
        <translation>HK %1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="224"/>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="233"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="320"/>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
</context>
<context>
    <name>fvae::ui::LossChart</name>
    <message>
        <location filename="../ui/loss_chart.cpp" line="17"/>
        <source>reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="18"/>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="19"/>
        <source>TC estimate</source>
        <translation>TC-Schätzung</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="20"/>
        <source>discriminator loss</source>
        <translation>Diskriminatorverlust</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="21"/>
        <source>discriminator accuracy</source>
        <translation>Diskriminator-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="22"/>
        <source>β</source>
        <translation>β</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="23"/>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="56"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="57"/>
        <source>nats</source>
        <translation>nats</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="60"/>
        <source>discriminator</source>
        <translation>Diskriminator</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="62"/>
        <source>β, γ</source>
        <translation>β, γ</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="92"/>
        <source>EMA smoothing of the bold lines</source>
        <translation>EMA-Glättung der fetten Linien</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="94"/>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="103"/>
        <source>Which run&apos;s curves to show: every candidate of a pipeline keeps its own</source>
        <translation>Welcher Lauf gezeigt wird: jeder Kandidat einer Auswahl behält seine eigenen Kurven</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="110"/>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <location filename="../ui/loss_chart.cpp" line="155"/>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>fvae::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <location filename="../ui/main_window.cpp" line="399"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77"/>
        <source>FactorVAE Studio</source>
        <translation>FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="102"/>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>Latent &amp;explorer</source>
        <translation>Latenter &amp;Explorer</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="105"/>
        <source>&amp;Sampling</source>
        <translation>&amp;Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="147"/>
        <location filename="../ui/main_window.cpp" line="176"/>
        <source>device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>FactorVAE checkpoints (*.fvae *.safetensors)</source>
        <translation>FactorVAE-Checkpoints (*.fvae *.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>PyTorch file for torch.load (*.pt);;Weights only, safetensors (*.safetensors);;Weights-only checkpoint (*.fvae)</source>
        <translation>PyTorch-Datei für torch.load (*.pt);;Nur Gewichte, safetensors (*.safetensors);;Checkpoint nur mit Gewichten (*.fvae)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="278"/>
        <source>The model&apos;s encoder and decoder as a file that torch.load opens in Python, as safetensors, or as a small checkpoint without the training state, to share</source>
        <translation>Encoder und Decoder des Modells als Datei, die torch.load in Python öffnet, als safetensors oder als kleiner Checkpoint ohne Trainingszustand zum Weitergeben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="472"/>
        <source>Names will be saved with the next checkpoint.</source>
        <translation>Die Namen werden mit dem nächsten Checkpoint gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="485"/>
        <source>Names saved in %1</source>
        <translation>Namen in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="482"/>
        <source>Cannot save the names</source>
        <translation>Die Namen können nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="107"/>
        <source>Res&amp;ponses</source>
        <translation>Ant&amp;worten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="108"/>
        <source>Latent m&amp;ap</source>
        <translation>Latente K&amp;arte</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="122"/>
        <source>the live training</source>
        <translation>das laufende Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="130"/>
        <source>No demo model</source>
        <translation>Kein Demomodell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="130"/>
        <source>The demo model is not installed with this build.</source>
        <translation>Das Demomodell ist mit diesem Build nicht installiert.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="168"/>
        <source>Background task failed</source>
        <translation>Hintergrundaufgabe fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="204"/>
        <source>Naming the latent dimensions by the FactorVAE metric…</source>
        <translation>Latente Dimensionen werden nach der FactorVAE-Metrik benannt…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="210"/>
        <source>Training stopped</source>
        <translation>Training gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="239"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="240"/>
        <source>&amp;Open checkpoint…</source>
        <translation>Checkpoint &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="241"/>
        <source>Open checkpoint</source>
        <translation>Checkpoint öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>Load a trained model into the latent explorer</source>
        <translation>Ein trainiertes Modell in den latenten Explorer laden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>Explore a trained &amp;model now</source>
        <translation>Ein trainiertes &amp;Modell jetzt erkunden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>The demo model, trained by this application on the built-in shapes</source>
        <translation>Das Demomodell, von dieser Anwendung auf den eingebauten shapes trainiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>&amp;Recent checkpoints</source>
        <translation>&amp;Zuletzt geöffnete Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>Open &amp;dataset file…</source>
        <translation>&amp;Datensatzdatei öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>Datasets (*.npz *-ubyte *-ubyte.gz *.idx *.idx.gz);;MedMNIST (*.npz);;All files (*)</source>
        <translation>Datensätze (*.npz *-ubyte *-ubyte.gz *.idx *.idx.gz);;MedMNIST (*.npz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="259"/>
        <source>A MedMNIST .npz (e.g. chestmnist.npz) or an IDX file</source>
        <translation>Eine MedMNIST-.npz (z. B. chestmnist.npz) oder eine IDX-Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="260"/>
        <source>Open &amp;image folder…</source>
        <translation>&amp;Bilderordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="261"/>
        <source>Open a folder of images or IDX files</source>
        <translation>Einen Ordner mit Bildern oder IDX-Dateien öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Built-in &amp;shapes</source>
        <translation>Eingebaute &amp;Formen (shapes)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>&amp;Fashion-MNIST (installed)</source>
        <translation>&amp;Fashion-MNIST (installiert)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="268"/>
        <source>Recent d&amp;atasets</source>
        <translation>Zuletzt geöffnete D&amp;atensätze</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="271"/>
        <source>E&amp;xport for PyTorch…</source>
        <translation>Für PyTorch e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>I&amp;mport original project checkpoint…</source>
        <translation>Checkpoint des ursprünglichen Projekts i&amp;mportieren…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>Import a checkpoint of the original project</source>
        <translation>Einen Checkpoint des ursprünglichen Projekts importieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="283"/>
        <source>Original project checkpoints (*.ckpt *.npz);;All files (*)</source>
        <translation>Checkpoints des ursprünglichen Projekts (*.ckpt *.npz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="287"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="292"/>
        <source>T&amp;raining</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="293"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="295"/>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Pausieren / fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="297"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="309"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="310"/>
        <source>&amp;User&apos;s guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="312"/>
        <source>The user&apos;s guide, offline</source>
        <translation>Das Benutzerhandbuch, offline</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="313"/>
        <source>&amp;About FactorVAE Studio</source>
        <translation>Ü&amp;ber FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="314"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="365"/>
        <source>dataset: opening %1…</source>
        <translation>Datensatz: öffne %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="375"/>
        <location filename="../ui/main_window.cpp" line="380"/>
        <source>Cannot open the dataset</source>
        <translation>Datensatz kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="381"/>
        <source>Some files were skipped</source>
        <translation>Einige Dateien wurden übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="398"/>
        <source>opening %1…</source>
        <translation>öffne %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="406"/>
        <location filename="../ui/main_window.cpp" line="414"/>
        <source>Cannot open checkpoint</source>
        <translation>Checkpoint kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="413"/>
        <source>the demo model (%1)</source>
        <translation>das Demomodell (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="416"/>
        <source>model: %1 (%2)</source>
        <translation>Modell: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="429"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="429"/>
        <source>Open a checkpoint or train a model first.</source>
        <translation>Öffnen Sie zuerst einen Checkpoint oder trainieren Sie ein Modell.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="436"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="439"/>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="452"/>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="460"/>
        <source>Cannot import the checkpoint</source>
        <translation>Der Checkpoint kann nicht importiert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="464"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="513"/>
        <source>Stopping the training and saving it; the window closes when it is done.</source>
        <translation>Das Training wird beendet und gespeichert; das Fenster schließt sich danach.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="374"/>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="75"/>
        <location filename="../ui/main_window.cpp" line="374"/>
        <source>dataset: none</source>
        <translation>Datensatz: keiner</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>Re&amp;construction</source>
        <translation>Re&amp;konstruktion</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="106"/>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="491"/>
        <source>About FactorVAE Studio</source>
        <translation>Über FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="492"/>
        <source>&lt;h3&gt;FactorVAE Studio %1&lt;/h3&gt;&lt;p&gt;Train a FactorVAE (Kim &amp;amp; Mnih 2018) and explore what each latent dimension means.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FactorVAE Studio %1&lt;/h3&gt;&lt;p&gt;Trainieren Sie ein FactorVAE (Kim &amp;amp; Mnih 2018) und erkunden Sie, was jede latente Dimension bedeutet.&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="505"/>
        <source>Training is running</source>
        <translation>Ein Training läuft</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="506"/>
        <source>Stop the training, save it and quit?</source>
        <translation>Training stoppen, speichern und beenden?</translation>
    </message>
</context>
<context>
    <name>fvae::ui::MessageBar</name>
    <message>
        <location filename="../ui/message_bar.cpp" line="25"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/message_bar.cpp" line="38"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>fvae::ui::MetricsPanel</name>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="34"/>
        <source>Votes that train the majority-vote classifier</source>
        <translation>Stimmen, die den Mehrheitsklassifikator trainieren</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="35"/>
        <source>Fresh votes the score is measured on</source>
        <translation>Neue Stimmen, auf denen der Wert gemessen wird</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="36"/>
        <source>Samples per vote (L): one factor fixed, the others random</source>
        <translation>Stichproben pro Stimme (L): ein Faktor fest, die anderen zufällig</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="37"/>
        <source>Samples for the mutual information gap</source>
        <translation>Stichproben für die Transinformationslücke (MIG)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="38"/>
        <source>The same seed gives the same scores</source>
        <translation>Derselbe Startwert ergibt dieselben Werte</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="40"/>
        <source>&amp;Measure</source>
        <translation>&amp;Messen</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="41"/>
        <source>Use suggested &amp;names</source>
        <translation>Vorgeschlagene &amp;Namen übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="44"/>
        <source>score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="47"/>
        <source>Quick settings</source>
        <translation>Schnelle Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="48"/>
        <source>A tenth of the votes and samples: a rough score in seconds</source>
        <translation>Ein Zehntel der Stimmen und Stichproben: ein grober Wert in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="51"/>
        <source>disentanglement_lib settings</source>
        <translation>Einstellungen von disentanglement_lib</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="54"/>
        <source>FactorVAE metric and MIG on the built-in shapes dataset, whose factors are known</source>
        <translation>FactorVAE-Metrik und MIG auf dem eingebauten Datensatz shapes, dessen Faktoren bekannt sind</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="58"/>
        <source>Name unnamed latent dimensions after the factor they capture</source>
        <translation>Unbenannte latente Dimensionen nach dem erfassten Faktor benennen</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="62"/>
        <source>Training votes:</source>
        <translation>Trainingsstimmen:</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="63"/>
        <source>Evaluation votes:</source>
        <translation>Auswertungsstimmen:</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="64"/>
        <source>Samples per vote (L):</source>
        <translation>Stichproben pro Stimme (L):</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="65"/>
        <source>MIG samples:</source>
        <translation>MIG-Stichproben:</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="66"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="71"/>
        <location filename="../ui/metrics_panel.cpp" line="204"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="71"/>
        <location filename="../ui/metrics_panel.cpp" line="204"/>
        <source>Captures</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="71"/>
        <source>Var[μ]</source>
        <translation>Var[μ]</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="86"/>
        <source>Scores (FactorVAE metric, MIG and MIG per factor)</source>
        <translation>Werte (FactorVAE-Metrik, MIG und MIG pro Faktor)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="119"/>
        <source>Open a checkpoint or start a training to measure its disentanglement.</source>
        <translation>Einen Checkpoint öffnen oder ein Training starten, um die Entflechtung zu messen.</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="121"/>
        <source>The metrics need a greyscale model: the shapes dataset has one channel.</source>
        <translation>Die Metriken brauchen ein Graustufenmodell: der Datensatz shapes hat einen Kanal.</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="123"/>
        <source>This model was not trained on shapes: its scores on shapes say little.</source>
        <translation>Dieses Modell wurde nicht auf shapes trainiert: seine Werte auf shapes sagen wenig.</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="125"/>
        <source>Ground truth from the built-in shapes dataset (shape, scale, orientation, x, y).</source>
        <translation>Grundwahrheit aus dem eingebauten Datensatz shapes (Form, Größe, Ausrichtung, x, y).</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="177"/>
        <source>&lt;b&gt;FactorVAE metric: %1&lt;/b&gt;&lt;br&gt;&lt;b&gt;MIG: %2&lt;/b&gt;&lt;br&gt;active dimensions: %3</source>
        <translation>&lt;b&gt;FactorVAE-Metrik: %1&lt;/b&gt;&lt;br&gt;&lt;b&gt;MIG: %2&lt;/b&gt;&lt;br&gt;aktive Dimensionen: %3</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="181"/>
        <source>FactorVAE</source>
        <translation>FactorVAE</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="181"/>
        <source>MIG</source>
        <translation>MIG</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="186"/>
        <source>MIG %1</source>
        <translation>MIG %1</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="204"/>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="222"/>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="73"/>
        <source>One column per factor: the share of that factor&apos;s votes each dimension won (a vote fixes the factor; the dimension whose variance drops most wins it). A factor whose votes split over dimensions, or a dimension that wins the votes of two factors, costs score.</source>
        <translation>Eine Spalte je Faktor: der Anteil der Stimmen dieses Faktors, den jede Dimension gewonnen hat (eine Stimme hält den Faktor fest; die Dimension, deren Varianz am stärksten sinkt, gewinnt sie). Ein Faktor, dessen Stimmen sich auf mehrere Dimensionen verteilen, oder eine Dimension, die die Stimmen zweier Faktoren gewinnt, kostet Punkte.</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="159"/>
        <source>Measuring…</source>
        <translation>Messe…</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="211"/>
        <source>Share of the votes for %1 that each dimension won</source>
        <translation>Anteil der Stimmen für %1, den jede Dimension gewonnen hat</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="222"/>
        <source>(inactive)</source>
        <translation>(inaktiv)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="224"/>
        <source>Var[μ] %1</source>
        <translation>Var[μ] %1</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="238"/>
        <source>%1 of %2 votes for %3; mutual information with %3: %4 nats</source>
        <translation>%1 von %2 Stimmen für %3; Transinformation mit %3: %4 nats</translation>
    </message>
</context>
<context>
    <name>fvae::ui::NumberField</name>
    <message>
        <location filename="../ui/number_field.cpp" line="148"/>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../ui/number_field.cpp" line="153"/>
        <source>enter a number</source>
        <translation>bitte eine Zahl eingeben</translation>
    </message>
    <message>
        <location filename="../ui/number_field.cpp" line="155"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../ui/number_field.cpp" line="157"/>
        <source>%1 is below the minimum, %2</source>
        <translation>%1 liegt unter dem Minimum, %2</translation>
    </message>
    <message>
        <location filename="../ui/number_field.cpp" line="159"/>
        <source>%1 is above the maximum, %2</source>
        <translation>%1 liegt über dem Maximum, %2</translation>
    </message>
</context>
<context>
    <name>fvae::ui::ReconstructionPanel</name>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="33"/>
        <source>&amp;Reconstruct selected</source>
        <translation>Auswahl &amp;rekonstruieren</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="34"/>
        <source>E&amp;xplore this code</source>
        <translation>Diesen Code e&amp;rkunden</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="35"/>
        <source>Save comparison…</source>
        <translation>Vergleich speichern…</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="38"/>
        <source>Cannot reconstruct</source>
        <translation>Rekonstruktion nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="40"/>
        <source>Encode the selected dataset images (z = μ) and decode them (at most %1)</source>
        <translation>Die gewählten Bilder kodieren (z = μ) und dekodieren (höchstens %1)</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="41"/>
        <source>&amp;Load image files…</source>
        <translation>Bilddateien &amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="42"/>
        <source>Images from disk, converted and resized like the dataset</source>
        <translation>Bilder von der Festplatte, umgewandelt und skaliert wie der Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="43"/>
        <source>Send the selected result&apos;s code (μ) to the latent explorer as its base</source>
        <translation>Den Code (μ) des gewählten Ergebnisses als Basis an den Latent-Explorer senden</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="44"/>
        <source>Originals, reconstructions and heat maps as one PNG</source>
        <translation>Originale, Rekonstruktionen und Fehlerkarten als ein PNG</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="56"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="56"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="56"/>
        <source>Reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="56"/>
        <source>|Error| map</source>
        <translation>|Fehler|-Karte</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="56"/>
        <source>BCE (nats)</source>
        <translation>BCE (nats)</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="56"/>
        <source>MSE / pixel</source>
        <translation>MSE / Pixel</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="62"/>
        <source>Reconstructions</source>
        <translation>Rekonstruktionen</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="63"/>
        <source>The heat map shows |original − reconstruction|: black 0, red, yellow, white 1</source>
        <translation>Die Fehlerkarte zeigt |Original − Rekonstruktion|: schwarz 0, rot, gelb, weiß 1</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="115"/>
        <source>Reconstructing the first images of the page…</source>
        <translation>Die ersten Bilder der Seite werden rekonstruiert…</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="116"/>
        <source>Open a checkpoint or start a training to reconstruct images.</source>
        <translation>Einen Checkpoint öffnen oder ein Training starten, um Bilder zu rekonstruieren.</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="165"/>
        <source>Load images</source>
        <translation>Bilder laden</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="166"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm)</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="200"/>
        <source>Cannot read some images</source>
        <translation>Einige Bilder sind nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reconstruction_panel.cpp" line="233"/>
        <source>%Ln image(s): mean BCE %1 nats, mean MSE %2 per pixel</source>
        <translation>
            <numerusform>%Ln Bild: mittlere BCE %1 nats, mittlerer MSE %2 pro Pixel</numerusform>
            <numerusform>%Ln Bilder: mittlere BCE %1 nats, mittlerer MSE %2 pro Pixel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="236"/>
        <source>(weights of step %1)</source>
        <translation>(Gewichte von Schritt %1)</translation>
    </message>
</context>
<context>
    <name>fvae::ui::ResponsesPanel</name>
    <message>
        <location filename="../ui/responses_panel.cpp" line="39"/>
        <source>One curve per &amp;shape</source>
        <translation>Eine Kurve je &amp;Form</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="45"/>
        <source>&amp;Compute</source>
        <translation>&amp;Berechnen</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="43"/>
        <source>Export &amp;PNG…</source>
        <translation>&amp;PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="44"/>
        <source>Export C&amp;SV…</source>
        <translation>C&amp;SV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="49"/>
        <source>Factors (built-in shapes)</source>
        <translation>Faktoren (eingebaute Formen)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="50"/>
        <source>Classes (open dataset)</source>
        <translation>Klassen (geöffneter Datensatz)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="52"/>
        <source>Factors: μ of every dimension as each factor of the shapes dataset sweeps its values, the other factors random. Classes: μ of every dimension per class of the dataset&apos;s labels.</source>
        <translation>Faktoren: μ jeder Dimension, während jeder Faktor des Formen-Datensatzes seine Werte durchläuft, die anderen Faktoren zufällig. Klassen: μ jeder Dimension je Klasse der Labels des Datensatzes.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="54"/>
        <source>Images behind each point of a curve (per shape when curves are per shape)</source>
        <translation>Bilder hinter jedem Punkt einer Kurve (je Form, wenn die Kurven je Form sind)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="55"/>
        <source>Does a dimension follow scale for every shape, or only for hearts?</source>
        <translation>Folgt eine Dimension der Größe bei jeder Form oder nur bei Herzen?</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="56"/>
        <source>Images encoded from the dataset: a seeded random subset when it holds more</source>
        <translation>Kodierte Bilder des Datensatzes: eine reproduzierbare Zufallsauswahl, wenn er mehr enthält</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="57"/>
        <source>The same seed encodes the same images</source>
        <translation>Derselbe Seed kodiert dieselben Bilder</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="65"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="65"/>
        <source>η² (classes)</source>
        <translation>η² (Klassen)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="66"/>
        <source>Dimensions ranked by the share of their variance that the classes explain</source>
        <translation>Dimensionen nach dem Anteil ihrer Varianz, den die Klassen erklären</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="86"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="82"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="88"/>
        <source>CSV tables (*.csv)</source>
        <translation>CSV-Tabellen (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="91"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="92"/>
        <source>Images per point:</source>
        <translation>Bilder pro Punkt:</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="94"/>
        <source>Images from the dataset:</source>
        <translation>Bilder aus dem Datensatz:</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="95"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="164"/>
        <source>Open a checkpoint or start a training to see what its dimensions encode.</source>
        <translation>Öffnen Sie einen Checkpoint oder starten Sie ein Training, um zu sehen, was seine Dimensionen kodieren.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="166"/>
        <source>The shapes dataset is greyscale: factor responses need a one-channel model.</source>
        <translation>Der Formen-Datensatz ist einfarbig: Faktorantworten brauchen ein Modell mit einem Kanal.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="168"/>
        <source>Open a dataset with labels (File → Open dataset) to see μ per class.</source>
        <translation>Öffnen Sie einen Datensatz mit Labels (Datei → Datensatz öffnen), um μ je Klasse zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="173"/>
        <source>Each cell: μ of one dimension as one factor sweeps its values; η² is the share of μ&apos;s variance that factor explains.</source>
        <translation>Jede Zelle: μ einer Dimension, während ein Faktor seine Werte durchläuft; η² ist der Anteil der Varianz von μ, den dieser Faktor erklärt.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="175"/>
        <source>This model was not trained on shapes: its responses to shapes say little.</source>
        <translation>Dieses Modell wurde nicht auf Formen trainiert: seine Antworten auf Formen sagen wenig.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="171"/>
        <source>Dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="189"/>
        <location filename="../ui/responses_panel.cpp" line="202"/>
        <source>Computing…</source>
        <translation>Berechne…</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="231"/>
        <source>%1 follows %2 (η² %3)</source>
        <translation>%1 folgt %2 (η² %3)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="236"/>
        <source>No dimension follows one factor with η² ≥ 0.5.</source>
        <translation>Keine Dimension folgt einem Faktor mit η² ≥ 0,5.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="247"/>
        <source>%1 images; %2 classes</source>
        <translation>%1 Bilder; %2 Klassen</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="276"/>
        <source>%1: there is nothing to export yet</source>
        <translation>%1: es gibt noch nichts zu exportieren</translation>
    </message>
</context>
<context>
    <name>fvae::ui::SamplingPanel</name>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="35"/>
        <source>Cannot decode the samples</source>
        <translation>Die Stichproben können nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="41"/>
        <source>Standard deviation of the prior samples</source>
        <translation>Standardabweichung der Stichproben aus der Prior-Verteilung</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="42"/>
        <source>&amp;Resample</source>
        <translation>&amp;Neu ziehen</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="43"/>
        <source>&amp;New seed</source>
        <translation>Neuer &amp;Seed</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="44"/>
        <source>Save grid…</source>
        <translation>Raster speichern…</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="45"/>
        <source>The sample grid as one PNG</source>
        <translation>Das Stichprobenraster als ein PNG</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="49"/>
        <source>Save as files…</source>
        <translation>Als Dateien speichern…</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="50"/>
        <source>Every sample as its own PNG in a folder, and their codes as samples-codes.npy</source>
        <translation>Jede Stichprobe als eigene PNG-Datei in einem Ordner und ihre Codes als samples-codes.npy</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="53"/>
        <source>Save the samples into a folder</source>
        <translation>Die Stichproben in einen Ordner speichern</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="57"/>
        <source>Cannot save the samples</source>
        <translation>Die Stichproben lassen sich nicht speichern</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="59"/>
        <source>Samples saved</source>
        <translation>Stichproben gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="60"/>
        <source>%1 PNG files and samples-codes.npy in %2</source>
        <translation>%1 PNG-Dateien und samples-codes.npy in %2</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="69"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="70"/>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatur:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="71"/>
        <source>&amp;Columns:</source>
        <translation>&amp;Spalten:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="72"/>
        <source>R&amp;ows:</source>
        <translation>&amp;Zeilen:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="80"/>
        <source>Click a sample to explore its code.</source>
        <translation>Klicken Sie auf eine Stichprobe, um ihren Code zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="161"/>
        <source>Decoded with the weights of step %1.</source>
        <translation>Mit den Gewichten von Schritt %1 dekodiert.</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="169"/>
        <source>Sample %1: open in the latent explorer</source>
        <translation>Stichprobe %1: im latenten Explorer öffnen</translation>
    </message>
</context>
<context>
    <name>fvae::ui::TrainingForm</name>
    <message>
        <location filename="../ui/training_form.cpp" line="22"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="36"/>
        <source>shapes (built in), a MedMNIST .npz, an IDX folder or a folder of images</source>
        <translation>shapes (eingebaut), eine MedMNIST-.npz-Datei, ein IDX-Ordner oder ein Bilderordner</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="38"/>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatisch (CUDA, wenn verfügbar)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="39"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="40"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="41"/>
        <source>Where training runs; available here: %1</source>
        <translation>Wo das Training läuft; hier verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="43"/>
        <source>Paper (lean model)</source>
        <translation>Paper (schlankes Modell)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="44"/>
        <source>Original project (seed)</source>
        <translation>Ursprüngliches Projekt (seed)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="53"/>
        <source>Follows the dataset and the image size (the quality bar&apos;s recipe on shapes, the paper&apos;s values elsewhere) until you change it.</source>
        <translation>Folgt dem Datensatz und der Bildgröße (auf shapes dem Rezept der Qualitätslatte, sonst den Werten des Papers), bis Sie es ändern.</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="55"/>
        <source>β weighs the KL divergence to the prior: higher values press the code towards independent unit Gaussians and blur reconstructions. </source>
        <translation>β gewichtet die KL-Divergenz zur Priorverteilung: höhere Werte drücken den Code zu unabhängigen Standardnormalverteilungen und machen Rekonstruktionen unschärfer. </translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="58"/>
        <source>γ weighs the total correlation, estimated by the discriminator: higher values push the dimensions to vary independently (FactorVAE&apos;s own term). </source>
        <translation>γ gewichtet die vom Diskriminator geschätzte Totalkorrelation: höhere Werte treiben die Dimensionen dazu, unabhängig voneinander zu variieren (der eigene Term von FactorVAE). </translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="63"/>
        <source>Adam&apos;s learning rate for the VAE. </source>
        <translation>Die Lernrate von Adam für den VAE. </translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="67"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="71"/>
        <source>none: the step budget</source>
        <translation>keins: das Schrittbudget</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="72"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="74"/>
        <source>How long the training may take. A few seconds&apos; calibration measures this computer&apos;s speed and plans the steps (and the candidates&apos; screening) to end within it; the planned steps are saved with the run. 0 trains the step budget (or the epochs) instead.</source>
        <translation>Wie lange das Training dauern darf. Eine Kalibrierung von wenigen Sekunden misst die Geschwindigkeit dieses Computers und plant die Schritte (und die Prüfung der Kandidaten) so, dass es darin endet; die geplanten Schritte werden mit dem Lauf gespeichert. 0 trainiert stattdessen das Schrittbudget (oder die Epochen).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training_form.cpp" line="78"/>
        <source>CPU threads to train with: the batch is split among them and their gradients summed in a fixed order, so a seed gives the same run for the same number of threads. This computer has %n core(s).</source>
        <translation>
            <numerusform>Threads für das Training auf der CPU: der Batch wird unter ihnen aufgeteilt und ihre Gradienten in fester Reihenfolge summiert, so ergibt ein Seed bei gleicher Threadzahl denselben Lauf. Dieser Computer hat %n Kern.</numerusform>
            <numerusform>Threads für das Training auf der CPU: der Batch wird unter ihnen aufgeteilt und ihre Gradienten in fester Reihenfolge summiert, so ergibt ein Seed bei gleicher Threadzahl denselben Lauf. Dieser Computer hat %n Kerne.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="98"/>
        <source>events.out.tfevents.* in the output folder (losses, reconstructions, traversal, settings); view with &lt;code&gt;tensorboard --logdir &quot;%1&quot;&lt;/code&gt;</source>
        <translation>events.out.tfevents.* im Ausgabeordner (Verluste, Rekonstruktionen, Traversierung, Einstellungen); ansehen mit &lt;code&gt;tensorboard --logdir &quot;%1&quot;&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="110"/>
        <source>one run</source>
        <translation>ein Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="112"/>
        <source>Train this many seeds for a few steps each, rank them by UDR (Unsupervised Disentanglement Ranking: how much each candidate&apos;s active dimensions agree with the others&apos;, no labels needed) and continue the best to the full budget; each candidate trains in its own folder</source>
        <translation>So viele Seeds je einige Schritte trainieren, nach UDR ordnen (Unsupervised Disentanglement Ranking: wie sehr die aktiven Dimensionen jedes Kandidaten mit denen der anderen übereinstimmen, ohne Labels) und den besten bis zum vollen Budget fortsetzen; jeder Kandidat trainiert in seinem eigenen Ordner</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="116"/>
        <source> steps each</source>
        <translation> Schritte je Kandidat</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="119"/>
        <source>How long each candidate trains before the ranking</source>
        <translation>Wie lange jeder Kandidat vor der Rangfolge trainiert</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="121"/>
        <source>keep their weights (~4 MB each)</source>
        <translation>ihre Gewichte behalten (je ~4 MB)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="122"/>
        <source>remove them</source>
        <translation>sie entfernen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="123"/>
        <source>keep everything (~84 MB each)</source>
        <translation>alles behalten (je ~84 MB)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="126"/>
        <source>After the ranking, the candidates that lost need no training state (the discriminator and the optimisers&apos; moments): keep only their weights, to open them later, or remove their folders</source>
        <translation>Nach der Rangfolge brauchen die unterlegenen Kandidaten keinen Trainingszustand (den Diskriminator und die Momente der Optimierer): nur ihre Gewichte behalten, um sie später zu öffnen, oder ihre Ordner entfernen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="153"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="155"/>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="156"/>
        <source>Datasets (*.npz *-ubyte *-ubyte.gz);;All files (*)</source>
        <translation>Datensätze (*.npz *-ubyte *-ubyte.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="162"/>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="163"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="164"/>
        <source>Image &amp;size:</source>
        <translation>Bild&amp;größe:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="165"/>
        <source>&amp;Latent dimensions:</source>
        <translation>&amp;Latente Dimensionen:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="166"/>
        <source>&amp;β (KL weight):</source>
        <translation>&amp;β (KL-Gewicht):</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="167"/>
        <source>&amp;γ (TC weight):</source>
        <translation>&amp;γ (TC-Gewicht):</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="168"/>
        <source>Learning &amp;rate:</source>
        <translation>Lern&amp;rate:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="169"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="170"/>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="171"/>
        <source>T&amp;ime budget:</source>
        <translation>&amp;Zeitbudget:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="172"/>
        <source>S&amp;tep budget:</source>
        <translation>Schri&amp;ttbudget:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="173"/>
        <source>T&amp;hreads:</source>
        <translation>T&amp;hreads:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="174"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="175"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="176"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="177"/>
        <source>Open the output folder in the file manager</source>
        <translation>Den Ausgabeordner im Dateimanager öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="182"/>
        <source>Cannot open the output folder</source>
        <translation>Der Ausgabeordner lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="183"/>
        <source>No file manager is set up to open %1; the folder is there to open by hand</source>
        <translation>Kein Dateimanager ist eingerichtet, um %1 zu öffnen; der Ordner ist angelegt und lässt sich von Hand öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="189"/>
        <source>&amp;Output folder:</source>
        <translation>&amp;Ausgabeordner:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="190"/>
        <source>TensorBoard log:</source>
        <translation>TensorBoard-Protokoll:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="194"/>
        <source>Ca&amp;ndidates:</source>
        <translation>Ka&amp;ndidaten:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="195"/>
        <source>Candidates that &amp;lost:</source>
        <translation>&amp;Unterlegene Kandidaten:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="197"/>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="197"/>
        <source>Steps per candidate</source>
        <translation>Schritte je Kandidat</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="332"/>
        <source>Planned from the time budget; set the time budget to 0 to give steps</source>
        <translation>Aus dem Zeitbudget geplant; Zeitbudget auf 0 setzen, um Schritte anzugeben</translation>
    </message>
</context>
<context>
    <name>fvae::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training_panel.cpp" line="58"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="59"/>
        <location filename="../ui/training_panel.cpp" line="323"/>
        <location filename="../ui/training_panel.cpp" line="363"/>
        <location filename="../ui/training_panel.cpp" line="371"/>
        <location filename="../ui/training_panel.cpp" line="381"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="60"/>
        <source>St&amp;op</source>
        <translation>St&amp;opp</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="61"/>
        <source>Resume a run…</source>
        <translation>Lauf fortsetzen…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="62"/>
        <source>Continue a saved run (its model, settings and dataset) up to the epochs or steps above</source>
        <translation>Einen gespeicherten Lauf (Modell, Einstellungen, Datensatz) bis zu den obigen Epochen oder Schritten fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="73"/>
        <source>Resume training</source>
        <translation>Training fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="105"/>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="169"/>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="172"/>
        <source>seed %1 · continuing</source>
        <translation>Seed %1 · läuft weiter</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="173"/>
        <source>seed %1 · screening</source>
        <translation>Seed %1 · Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="109"/>
        <source>Fixed inputs and their reconstructions appear here during training.</source>
        <translation>Feste Eingaben und ihre Rekonstruktionen erscheinen hier während des Trainings.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="111"/>
        <source>Fixed inputs (top) and their current reconstructions (bottom), refreshed each epoch and every 500 steps</source>
        <translation>Feste Eingaben (oben) und ihre aktuellen Rekonstruktionen (unten), erneuert nach jeder Epoche und alle 500 Schritte</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="84"/>
        <source>Save charts…</source>
        <translation>Diagramme speichern…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="74"/>
        <source>Runs and candidate pipelines (*.fvae candidates.csv);;FactorVAE checkpoints (*.fvae)</source>
        <translation>Läufe und Kandidatenauswahlen (*.fvae candidates.csv);;FactorVAE-Checkpoints (*.fvae)</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="80"/>
        <source>Explore a trained model now</source>
        <translation>Ein trainiertes Modell jetzt erkunden</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="81"/>
        <source>Open the demo model, trained by this application on the built-in shapes, in the explorer</source>
        <translation>Das Demomodell, von dieser Anwendung auf den eingebauten shapes trainiert, im Explorer öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="85"/>
        <source>The loss curves and the KL bars as one PNG</source>
        <translation>Die Verlustkurven und die KL-Balken als ein PNG</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="87"/>
        <source>Save charts</source>
        <translation>Diagramme speichern</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="88"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="91"/>
        <source>Cannot save the charts</source>
        <translation>Diagramme können nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="115"/>
        <source>Earlier reconstructions of this run</source>
        <translation>Frühere Rekonstruktionen dieses Laufs</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="161"/>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="176"/>
        <source>Training %1 on %2.</source>
        <translation>Training von %1 auf %2.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="191"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="193"/>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="242"/>
        <source>saved at step %1 of %2</source>
        <translation>gespeichert bei Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="252"/>
        <source>epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="260"/>
        <source>Paused. %1</source>
        <translation>Pausiert. %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="265"/>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="266"/>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="281"/>
        <source>Resuming the candidate pipeline in %1: screened candidates are kept, a stopped one goes on from its checkpoint, then the ranking and the best candidate&apos;s continuation.</source>
        <translation>Setze die Kandidatenauswahl in %1 fort: geprüfte Kandidaten bleiben, ein gestoppter läuft von seinem Checkpoint weiter, dann folgen die Rangfolge und die Fortsetzung des besten Kandidaten.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="416"/>
        <source>screening</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="308"/>
        <source>Cannot start training: %1</source>
        <translation>Training kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="204"/>
        <source>New here? Explore a trained model now, or press Start to train your own: it ends within the time budget below.</source>
        <translation>Neu hier? Erkunden Sie jetzt ein trainiertes Modell, oder drücken Sie Starten, um ein eigenes zu trainieren: es endet innerhalb des Zeitbudgets unten.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="309"/>
        <source>Cannot start training</source>
        <translation>Training kann nicht gestartet werden</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="324"/>
        <source>Preparing the dataset…</source>
        <translation>Datensatz wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="324"/>
        <source>Preparing the candidates…</source>
        <translation>Bereite die Kandidaten vor…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="336"/>
        <source>Screening candidate %1 of %2 (seed %3), %4 steps each</source>
        <translation>Prüfe Kandidat %1 von %2 (Seed %3), je %4 Schritte</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="343"/>
        <source>Ranking the %1 candidates by UDR…</source>
        <translation>Ordne die %1 Kandidaten nach UDR…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="346"/>
        <source>Continuing seed %1 (UDR %2) to the full budget of %3 steps</source>
        <translation>Setze Seed %1 (UDR %2) bis zum vollen Budget von %3 Schritten fort</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="356"/>
        <source>Time budget of %1.</source>
        <translation>Zeitbudget von %1.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="363"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="373"/>
        <source>Stopping after this step and saving…</source>
        <translation>Stoppe nach diesem Schritt und speichere…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="413"/>
        <source>candidate %1 of %2 · %3 · step %4/%5 · pipeline %6% · ETA %7</source>
        <translation>Kandidat %1 von %2 · %3 · Schritt %4/%5 · Auswahl %6 % · Restzeit %7</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="416"/>
        <source>continuing</source>
        <translation>läuft weiter</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="422"/>
        <source>epoch %1 · step %2/%3 · %4 img/s · ETA %5</source>
        <translation>Epoche %1 · Schritt %2/%3 · %4 Bilder/s · Restzeit %5</translation>
    </message>
</context>
<context>
    <name>fvae::ui::UserGuide</name>
    <message>
        <location filename="../ui/user_guide.cpp" line="16"/>
        <source>FactorVAE Studio — User&apos;s guide</source>
        <translation>FactorVAE Studio — Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../ui/user_guide.cpp" line="27"/>
        <source>The user&apos;s guide is missing from this build.</source>
        <translation>Das Benutzerhandbuch fehlt in diesem Build.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="21"/>
        <source>Train a FactorVAE and explore its latent space.</source>
        <translation>Ein FactorVAE trainieren und seinen latenten Raum erkunden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="24"/>
        <source>checkpoint to open</source>
        <translation>zu öffnender Checkpoint</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="27"/>
        <source>save a PNG of each tab after a few seconds and quit (for documentation)</source>
        <translation>nach einigen Sekunden ein PNG jedes Reiters speichern und beenden (für die Dokumentation)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="32"/>
        <source>seconds before the screenshots without a checkpoint (default 8)</source>
        <translation>Sekunden bis zu den Bildschirmfotos ohne Checkpoint (Standard 8)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="37"/>
        <source>start training on the built-in dataset at once</source>
        <translation>sofort auf dem eingebauten Datensatz trainieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="39"/>
        <source>language of the user interface (e.g. en, de; default: the system&apos;s)</source>
        <translation>Sprache der Benutzeroberfläche (z. B. en, de; Vorgabe: die des Systems)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="47"/>
        <source>window size for the screenshots, e.g. 1000x700</source>
        <translation>Fenstergröße für die Bildschirmfotos, z. B. 1000x700</translation>
    </message>
</context>
</TS>
