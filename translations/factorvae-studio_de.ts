<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DatasetView</name>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="95"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="103"/>
        <source>no finding</source>
        <translation>kein Befund</translation>
    </message>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="104"/>
        <source>findings %1</source>
        <translation>Befunde %1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="26"/>
        <location filename="../ui/export_dialogs.cpp" line="49"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="26"/>
        <source>Upscale by (crisp pixels):</source>
        <translation>Vergrößern um (scharfe Pixel):</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="36"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="39"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="56"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialogs.cpp" line="64"/>
        <source>Animated GIF (*.gif)</source>
        <translation>Animiertes GIF (*.gif)</translation>
    </message>
</context>
<context>
    <name>ResponsePlots</name>
    <message>
        <location filename="../app/service/response_plots.cpp" line="22"/>
        <source>shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="22"/>
        <source>scale</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="23"/>
        <source>orientation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="23"/>
        <source>x position</source>
        <translation>x-Position</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="24"/>
        <source>y position</source>
        <translation>y-Position</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="24"/>
        <source>square</source>
        <translation>Quadrat</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="25"/>
        <source>ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="25"/>
        <source>heart</source>
        <translation>Herz</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="26"/>
        <source>no finding</source>
        <translation>kein Befund</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="26"/>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="28"/>
        <source>atelectasis</source>
        <translation>Atelektase</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="28"/>
        <source>cardiomegaly</source>
        <translation>Kardiomegalie</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="29"/>
        <source>effusion</source>
        <translation>Erguss</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="29"/>
        <source>infiltration</source>
        <translation>Infiltrat</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="30"/>
        <source>mass</source>
        <translation>Raumforderung</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="30"/>
        <source>nodule</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="31"/>
        <source>pneumonia</source>
        <translation>Pneumonie</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="31"/>
        <source>pneumothorax</source>
        <translation>Pneumothorax</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="32"/>
        <source>consolidation</source>
        <translation>Konsolidierung</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="32"/>
        <source>edema</source>
        <translation>Ödem</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="33"/>
        <source>emphysema</source>
        <translation>Emphysem</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="33"/>
        <source>fibrosis</source>
        <translation>Fibrose</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="34"/>
        <source>pleural thickening</source>
        <translation>Pleuraverdickung</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="34"/>
        <source>hernia</source>
        <translation>Hernie</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="35"/>
        <source>T-shirt/top</source>
        <translation>T-Shirt/Top</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="35"/>
        <source>trouser</source>
        <translation>Hose</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="36"/>
        <source>pullover</source>
        <translation>Pullover</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="36"/>
        <source>dress</source>
        <translation>Kleid</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="37"/>
        <source>coat</source>
        <translation>Mantel</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="37"/>
        <source>sandal</source>
        <translation>Sandale</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="38"/>
        <source>shirt</source>
        <translation>Hemd</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="38"/>
        <source>sneaker</source>
        <translation>Sneaker</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="39"/>
        <source>bag</source>
        <translation>Tasche</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="39"/>
        <source>ankle boot</source>
        <translation>Stiefelette</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="131"/>
        <source>Mean of μ (band: ±1 std) as each factor sweeps its values, the others random; %1 images per point, seed %2</source>
        <translation>Mittelwert von μ (Band: ±1 Standardabweichung), während jeder Faktor seine Werte durchläuft, die anderen zufällig; %1 Bilder pro Punkt, Seed %2</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="139"/>
        <location filename="../app/service/response_plots.cpp" line="141"/>
        <source>Curves per %1:</source>
        <translation>Kurven je %1:</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="154"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="122"/>
        <location filename="../app/service/response_plots.cpp" line="237"/>
        <source>Var[μ] %1</source>
        <translation>Var[μ] %1</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="238"/>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../app/service/response_plots.cpp" line="267"/>
        <source>μ per class (box: quartiles, whiskers: 5–95 %, dot: mean), %1 images, seed %2; dimensions ranked by η², the share of μ&apos;s variance the classes explain</source>
        <translation>μ je Klasse (Box: Quartile, Whisker: 5–95 %, Punkt: Mittelwert), %1 Bilder, Seed %2; Dimensionen nach η² geordnet, dem Anteil der Varianz von μ, den die Klassen erklären</translation>
    </message>
</context>
<context>
    <name>fvae::service::DatasetView</name>
    <message>
        <location filename="../app/service/dataset_view.cpp" line="34"/>
        <source>built-in dSprites-style</source>
        <translation>eingebaut, im Stil von dSprites</translation>
    </message>
</context>
<context>
    <name>fvae::service::DecodeModel</name>
    <message>
        <location filename="../app/service/decode_model.cpp" line="162"/>
        <source>demo model</source>
        <translation>Demo-Modell</translation>
    </message>
    <message>
        <location filename="../app/service/decode_model.cpp" line="166"/>
        <source>%1, candidate seed %2</source>
        <translation>%1, Kandidat Seed %2</translation>
    </message>
</context>
<context>
    <name>fvae::service::ModelExchange</name>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="40"/>
        <source>Wrote %1: encoder, decoder and configuration as safetensors (%2 KB): safetensors.torch.load_file(&quot;%3&quot;)</source>
        <translation>%1 geschrieben: Encoder, Decoder und Konfiguration als safetensors (%2 KB): safetensors.torch.load_file(&quot;%3&quot;)</translation>
    </message>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="49"/>
        <source>Wrote %1: encoder, decoder and configuration (%2 KB)</source>
        <translation>%1 geschrieben: Encoder, Decoder und Konfiguration (%2 KB)</translation>
    </message>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="55"/>
        <source>Wrote %1 for PyTorch: torch.load(&quot;%2&quot;)[&quot;state_dict&quot;] (%3 KB)</source>
        <translation>%1 für PyTorch geschrieben: torch.load(&quot;%2&quot;)[&quot;state_dict&quot;] (%3 KB)</translation>
    </message>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="76"/>
        <source>FactorVAE metric %1, MIG %2</source>
        <translation>FactorVAE-Metrik %1, MIG %2</translation>
    </message>
    <message>
        <location filename="../app/service/model_exchange.cpp" line="102"/>
        <source>Imported %1 as %2 (%3, %4)</source>
        <translation>%1 als %2 importiert (%3, %4)</translation>
    </message>
</context>
<context>
    <name>fvae::service::TrainingSession</name>
    <message>
        <location filename="../app/service/training_session.cpp" line="336"/>
        <source>A training is already running.</source>
        <translation>Es läuft bereits ein Training.</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="349"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="254"/>
        <source>Seed %1 chosen by UDR (%2) and trained to the full budget; saved %3</source>
        <translation>Seed %1 per UDR gewählt (%2) und bis zum vollen Budget trainiert; %3 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="165"/>
        <source>training in %1, candidate seed %2</source>
        <translation>Training in %1, Kandidat Seed %2</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="166"/>
        <source>training in %1</source>
        <translation>Training in %1</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="177"/>
        <source>time budget of %1</source>
        <translation>Zeitbudget von %1</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="259"/>
        <source>Stopped; the chosen candidate (seed %1, UDR %2) is saved in %3</source>
        <translation>Gestoppt; der gewählte Kandidat (Seed %1, UDR %2) ist in %3 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="264"/>
        <source>Stopped before the ranking; the candidate trained furthest (seed %1, step %2) is saved in %3</source>
        <translation>Vor der Rangfolge gestoppt; der am weitesten trainierte Kandidat (Seed %1, Schritt %2) ist in %3 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="271"/>
        <source>Stopped before any candidate trained a step.</source>
        <translation>Gestoppt, bevor ein Kandidat einen Schritt trainiert hat.</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="281"/>
        <source>Training stopped; saved %1</source>
        <translation>Training gestoppt; %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="282"/>
        <source>Training finished; saved %1</source>
        <translation>Training beendet; %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="343"/>
        <source>%1 holds %2 already: continue it, replace it, or choose another folder (%3 is free).</source>
        <translation>%1 enthält bereits %2: setzen Sie es fort, ersetzen Sie es oder wählen Sie einen anderen Ordner (%3 ist frei).</translation>
    </message>
    <message>
        <location filename="../app/service/training_session.cpp" line="371"/>
        <source>an unknown error stopped the training</source>
        <translation>ein unbekannter Fehler hat das Training beendet</translation>
    </message>
</context>
<context>
    <name>fvae::ui::CandidatesTable</name>
    <message>
        <location filename="../ui/candidates_table.cpp" line="12"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="12"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="12"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="12"/>
        <source>UDR</source>
        <translation>UDR</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="12"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="12"/>
        <source>KL per dimension</source>
        <translation>KL pro Dimension</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="22"/>
        <source>UDR: how much a candidate&apos;s active dimensions agree with the other candidates&apos; (0–1, higher is better; no labels needed). Active: dimensions with a mean KL of at least 0.1 nats on the ranking&apos;s images.</source>
        <translation>UDR: wie sehr die aktiven Dimensionen eines Kandidaten mit denen der anderen Kandidaten übereinstimmen (0–1, höher ist besser; ohne Labels). Aktiv: Dimensionen mit einer mittleren KL von mindestens 0,1 nats auf den Bildern der Rangfolge.</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="31"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="33"/>
        <source>screening</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="35"/>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="35"/>
        <source>screened</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="37"/>
        <source>chosen, continuing</source>
        <translation>gewählt, läuft weiter</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="39"/>
        <source>chosen, done</source>
        <translation>gewählt, fertig</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="41"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/candidates_table.cpp" line="43"/>
        <source>removed (lost)</source>
        <translation>entfernt (verloren)</translation>
    </message>
</context>
<context>
    <name>fvae::ui::DatasetBrowser</name>
    <message>
        <location filename="../ui/dataset_browser.cpp" line="20"/>
        <location filename="../ui/dataset_browser.cpp" line="78"/>
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
        <location filename="../ui/dataset_browser.cpp" line="57"/>
        <source>First image:</source>
        <translation>Erstes Bild:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dataset_browser.cpp" line="77"/>
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
    <name>fvae::ui::FolderQuestion</name>
    <message>
        <location filename="../ui/folder_question.cpp" line="14"/>
        <source>C&amp;ontinue it</source>
        <translation>F&amp;ortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/folder_question.cpp" line="16"/>
        <source>Re&amp;place it</source>
        <translation>Erse&amp;tzen</translation>
    </message>
    <message>
        <location filename="../ui/folder_question.cpp" line="17"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/folder_question.cpp" line="21"/>
        <source>Go on with the run in this folder from where it stopped, with its own settings</source>
        <translation>Den Lauf in diesem Ordner dort fortsetzen, wo er aufhörte, mit seinen eigenen Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/folder_question.cpp" line="23"/>
        <source>Remove what the earlier run wrote in this folder (checkpoints, logs, candidates), then start the new run there</source>
        <translation>Entfernen, was der frühere Lauf in diesen Ordner schrieb (Checkpoints, Logs, Kandidaten), dann den neuen Lauf dort starten</translation>
    </message>
    <message>
        <location filename="../ui/folder_question.cpp" line="50"/>
        <source>&lt;b&gt;%1&lt;/b&gt; holds a candidate pipeline already (%2). Start a new one there?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; enthält bereits eine Kandidaten-Pipeline (%2). Dort eine neue starten?</translation>
    </message>
    <message>
        <location filename="../ui/folder_question.cpp" line="51"/>
        <source>&lt;b&gt;%1&lt;/b&gt; holds a run already (%2). Start a new one there?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; enthält bereits einen Lauf (%2). Dort einen neuen starten?</translation>
    </message>
    <message>
        <location filename="../ui/folder_question.cpp" line="54"/>
        <source>&amp;New folder: %1</source>
        <translation>&amp;Neuer Ordner: %1</translation>
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
        <location filename="../ui/interpolation_view.cpp" line="135"/>
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
        <location filename="../ui/interpolation_view.cpp" line="109"/>
        <source>Interpolate from</source>
        <translation>Interpolieren von</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="109"/>
        <source>Interpolate to</source>
        <translation>Interpolieren nach</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="121"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/interpolation_view.cpp" line="121"/>
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
        <location filename="../ui/kl_chart.cpp" line="23"/>
        <source>KL per latent dimension (nats)</source>
        <translation>KL pro latenter Dimension (nats)</translation>
    </message>
    <message>
        <location filename="../ui/kl_chart.cpp" line="33"/>
        <source>KL per latent dimension (nats): bars near zero are collapsed dimensions</source>
        <translation>KL pro latenter Dimension (nats): Balken nahe null sind kollabierte Dimensionen</translation>
    </message>
</context>
<context>
    <name>fvae::ui::LatentExplorer</name>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="130"/>
        <source>Cannot decode the previews</source>
        <translation>Die Vorschauen können nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="132"/>
        <source>Cannot decode the traversal grid</source>
        <translation>Traversierungsraster kann nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="134"/>
        <source>Cannot encode the image</source>
        <translation>Das Bild kann nicht kodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="136"/>
        <source>Cannot decode</source>
        <translation>Dekodieren nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="57"/>
        <source>traversal grid %p%</source>
        <translation>Traversierungsraster %p%</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="50"/>
        <source>Open a checkpoint or start a training to explore its latent space.</source>
        <translation>Öffnen Sie einen Checkpoint oder starten Sie ein Training, um den latenten Raum zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="71"/>
        <source>Absolute values</source>
        <translation>Absolute Werte</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="72"/>
        <source>Sliders set the code directly instead of adding offsets to the base code</source>
        <translation>Die Schieberegler setzen den Code direkt, statt Verschiebungen zum Basiscode zu addieren</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="82"/>
        <source>Base: zero</source>
        <translation>Basis: null</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="83"/>
        <source>Base: random sample</source>
        <translation>Basis: Zufallsstichprobe</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="84"/>
        <source>Base: dataset image…</source>
        <translation>Basis: Bild aus dem Datensatz…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="84"/>
        <source>Start from the encoding (μ) of an image of the current dataset</source>
        <translation>Von der Kodierung (μ) eines Bildes des aktuellen Datensatzes ausgehen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="86"/>
        <source>Reset sliders</source>
        <translation>Regler zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="89"/>
        <source>Save image…</source>
        <translation>Bild speichern…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="87"/>
        <source>Traversal grid…</source>
        <translation>Traversierungsraster…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="87"/>
        <source>Every dimension from −3 to +3 around the current code, with difference maps</source>
        <translation>Jede Dimension von −3 bis +3 um den aktuellen Code, mit Differenzkarten</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="93"/>
        <source>Follow the live training</source>
        <translation>Dem laufenden Training folgen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="94"/>
        <source>Show the running training&apos;s weights here instead (the model shown now stays on disk)</source>
        <translation>Stattdessen die Gewichte des laufenden Trainings zeigen (das gezeigte Modell bleibt auf der Platte)</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="182"/>
        <source>Base code from an image</source>
        <translation>Basiscode aus einem Bild</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="207"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="208"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="209"/>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="210"/>
        <source>Preview: −3 … +3</source>
        <translation>Vorschau: −3 … +3</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="218"/>
        <source>Name of latent dimension %1; saved into the checkpoint</source>
        <translation>Name der latenten Dimension %1; wird im Checkpoint gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="224"/>
        <source>Latent dimension %1</source>
        <translation>Latente Dimension %1</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="228"/>
        <source>Dimension %1</source>
        <translation>Dimension %1</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="229"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="242"/>
        <source>Dimension %1 from −3 to +3 around the base code, the other dimensions as in the base</source>
        <translation>Dimension %1 von −3 bis +3 um den Basiscode, die übrigen Dimensionen wie in der Basis</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/latent_explorer.cpp" line="274"/>
        <source>Hide the %n inactive dimension(s)</source>
        <translation>
            <numerusform>Die %n inaktive Dimension ausblenden</numerusform>
            <numerusform>Die %n inaktiven Dimensionen ausblenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/latent_explorer.cpp" line="275"/>
        <source>Show the %n inactive dimension(s)</source>
        <translation>
            <numerusform>Die %n inaktive Dimension zeigen</numerusform>
            <numerusform>Die %n inaktiven Dimensionen zeigen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="289"/>
        <source>inactive: KL below %1 nats</source>
        <translation>inaktiv: KL unter %1 nats</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="399"/>
        <source>weights of step %1 · decoded in %2 ms</source>
        <translation>Gewichte von Schritt %1 · dekodiert in %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="401"/>
        <source>decoded in %1 ms</source>
        <translation>in %1 ms dekodiert</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="68"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="149"/>
        <source>A training is running; this tab shows another model.</source>
        <translation>Ein Training läuft; dieser Reiter zeigt ein anderes Modell.</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="462"/>
        <source>Traversal grid</source>
        <translation>Traversierungsraster</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="465"/>
        <source>Rows: latent dimensions from the top; columns: −3 … +3; last column: difference map</source>
        <translation>Zeilen: latente Dimensionen von oben; Spalten: −3 … +3; letzte Spalte: Differenzkarte</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="469"/>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <location filename="../ui/latent_explorer.cpp" line="470"/>
        <source>Save GIF…</source>
        <translation>GIF speichern…</translation>
    </message>
</context>
<context>
    <name>fvae::ui::LatentMapView</name>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="50"/>
        <source>&amp;Compute map</source>
        <translation>Karte &amp;berechnen</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="51"/>
        <source>&amp;Export codes…</source>
        <translation>Codes e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="55"/>
        <source>Dataset images to encode: a seeded random subset when the dataset holds more</source>
        <translation>Zu kodierende Bilder des Datensatzes: eine reproduzierbare Zufallsauswahl, wenn er mehr enthält</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="56"/>
        <source>The same seed maps the same images</source>
        <translation>Derselbe Seed bildet dieselben Bilder ab</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="57"/>
        <source>Horizontal axis: a principal component of μ, or one dimension</source>
        <translation>Waagerechte Achse: eine Hauptkomponente von μ oder eine Dimension</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="58"/>
        <source>Vertical axis: a principal component of μ, or one dimension</source>
        <translation>Senkrechte Achse: eine Hauptkomponente von μ oder eine Dimension</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="59"/>
        <source>Colour the points by a label or ground-truth factor</source>
        <translation>Punkte nach einem Label oder einem Faktor der Grundwahrheit färben</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="75"/>
        <source>Writes μ and log σ² of the map&apos;s images with their labels for other tools: NumPy arrays, a CSV table and TensorBoard&apos;s projector (tensorboard --logdir FOLDER/projector)</source>
        <translation>Schreibt μ und log σ² der Bilder der Karte mit ihren Labels für andere Werkzeuge: NumPy-Arrays, eine CSV-Tabelle und TensorBoards Projector (tensorboard --logdir ORDNER/projector)</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="84"/>
        <source>Images:</source>
        <translation>Bilder:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="85"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="86"/>
        <source>Horizontal:</source>
        <translation>Waagerecht:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="87"/>
        <source>Vertical:</source>
        <translation>Senkrecht:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="88"/>
        <source>Colour by:</source>
        <translation>Färben nach:</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="98"/>
        <source>No map for this model yet: press &lt;b&gt;Compute&lt;/b&gt; to encode the dataset&apos;s images.</source>
        <translation>Noch keine Karte für dieses Modell: &lt;b&gt;Berechnen&lt;/b&gt; kodiert die Bilder des Datensatzes.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="154"/>
        <source>Open a checkpoint or start a training to map its codes.</source>
        <translation>Öffnen Sie einen Checkpoint oder starten Sie ein Training, um seine Codes abzubilden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="156"/>
        <source>Open a dataset to map its images&apos; codes.</source>
        <translation>Öffnen Sie einen Datensatz, um die Codes seiner Bilder abzubilden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="158"/>
        <source>Maps μ of the dataset&apos;s images; hover a point to see its image, click it to explore its code.</source>
        <translation>Bildet μ der Bilder des Datensatzes ab; zeigen Sie auf einen Punkt, um sein Bild zu sehen, klicken Sie ihn an, um seinen Code zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="169"/>
        <source>Export the codes into a folder</source>
        <translation>Die Codes in einen Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="181"/>
        <source>Exporting the codes…</source>
        <translation>Die Codes werden exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="187"/>
        <source>Wrote %1 files into %2; TensorBoard&apos;s projector: tensorboard --logdir %3</source>
        <translation>%1 Dateien in %2 geschrieben; TensorBoards Projector: tensorboard --logdir %3</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="204"/>
        <source>Encoding…</source>
        <translation>Kodiere…</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="219"/>
        <source>%1 images. Principal components explain %2 % and %3 % of μ&apos;s variance. Drag to pan, wheel to zoom; hover a point to see its image, click it to explore its code.</source>
        <translation>%1 Bilder. Die Hauptkomponenten erklären %2 % und %3 % der Varianz von μ. Ziehen verschiebt, das Mausrad zoomt; zeigen Sie auf einen Punkt, um sein Bild zu sehen, klicken Sie ihn an, um seinen Code zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="237"/>
        <source>PC %1 (%2 %)</source>
        <translation>HK %1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="240"/>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="249"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location filename="../ui/latent_map_view.cpp" line="336"/>
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
        <location filename="../ui/main_window.cpp" line="64"/>
        <source>FactorVAE Studio</source>
        <translation>FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="98"/>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="99"/>
        <source>Latent &amp;explorer</source>
        <translation>Latenter &amp;Explorer</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="101"/>
        <source>&amp;Sampling</source>
        <translation>&amp;Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="143"/>
        <location filename="../ui/main_window.cpp" line="172"/>
        <source>device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="277"/>
        <source>PyTorch file for torch.load (*.pt);;Weights only, safetensors (*.safetensors);;Weights-only checkpoint (*.fvae)</source>
        <translation>PyTorch-Datei für torch.load (*.pt);;Nur Gewichte, safetensors (*.safetensors);;Checkpoint nur mit Gewichten (*.fvae)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>The model&apos;s encoder and decoder as a file that torch.load opens in Python, as safetensors, or as a small checkpoint without the training state, to share</source>
        <translation>Encoder und Decoder des Modells als Datei, die torch.load in Python öffnet, als safetensors oder als kleiner Checkpoint ohne Trainingszustand zum Weitergeben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="410"/>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="477"/>
        <source>Names will be saved with the next checkpoint.</source>
        <translation>Die Namen werden mit dem nächsten Checkpoint gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="490"/>
        <source>Names saved in %1</source>
        <translation>Namen in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="493"/>
        <source>Cannot save the names</source>
        <translation>Die Namen können nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>Res&amp;ponses</source>
        <translation>Ant&amp;worten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>Latent m&amp;ap</source>
        <translation>Latente K&amp;arte</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="125"/>
        <source>No demo model</source>
        <translation>Kein Demomodell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="125"/>
        <source>The demo model is not installed with this build.</source>
        <translation>Das Demomodell ist mit diesem Build nicht installiert.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>Background task failed</source>
        <translation>Hintergrundaufgabe fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="202"/>
        <source>Naming the latent dimensions by the FactorVAE metric…</source>
        <translation>Latente Dimensionen werden nach der FactorVAE-Metrik benannt…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="208"/>
        <source>Training stopped</source>
        <translation>Training gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="237"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="238"/>
        <source>&amp;Open checkpoint…</source>
        <translation>Checkpoint &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="240"/>
        <source>Open checkpoint</source>
        <translation>Checkpoint öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>Explore a trained &amp;model now</source>
        <translation>Ein trainiertes &amp;Modell jetzt erkunden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>The demo model, trained by this application on the built-in shapes</source>
        <translation>Das Demomodell, von dieser Anwendung auf den eingebauten shapes trainiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="251"/>
        <source>&amp;Recent checkpoints</source>
        <translation>&amp;Zuletzt geöffnete Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>Open &amp;dataset file…</source>
        <translation>&amp;Datensatzdatei öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="257"/>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>Datasets (*.npz *-ubyte *-ubyte.gz *.idx *.idx.gz);;MedMNIST (*.npz);;All files (*)</source>
        <translation>Datensätze (*.npz *-ubyte *-ubyte.gz *.idx *.idx.gz);;MedMNIST (*.npz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="262"/>
        <source>A MedMNIST .npz (e.g. chestmnist.npz) or an IDX file</source>
        <translation>Eine MedMNIST-.npz (z. B. chestmnist.npz) oder eine IDX-Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="263"/>
        <source>Open &amp;image folder…</source>
        <translation>&amp;Bilderordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Open a folder of images or IDX files</source>
        <translation>Einen Ordner mit Bildern oder IDX-Dateien öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Built-in &amp;shapes</source>
        <translation>Eingebaute &amp;Formen (shapes)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>&amp;Fashion-MNIST (installed)</source>
        <translation>&amp;Fashion-MNIST (installiert)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="271"/>
        <source>Recent d&amp;atasets</source>
        <translation>Zuletzt geöffnete D&amp;atensätze</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="275"/>
        <source>E&amp;xport for PyTorch…</source>
        <translation>Für PyTorch e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="292"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="297"/>
        <source>T&amp;raining</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="298"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="300"/>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Pausieren / fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="302"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="314"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="315"/>
        <source>&amp;User&apos;s guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="317"/>
        <source>The user&apos;s guide, offline</source>
        <translation>Das Benutzerhandbuch, offline</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="318"/>
        <source>&amp;About FactorVAE Studio</source>
        <translation>Ü&amp;ber FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="319"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="356"/>
        <source>Measuring the KL per dimension on %1…</source>
        <translation>KL pro Dimension wird auf %1 gemessen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="365"/>
        <source>KL per dimension</source>
        <translation>KL pro Dimension</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="366"/>
        <source>Measured on 2,000 images of %1: the explorer lists the active dimensions first.</source>
        <translation>Gemessen an 2.000 Bildern von %1: der Explorer zeigt die aktiven Dimensionen zuerst.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="371"/>
        <source>Cannot measure the KL per dimension</source>
        <translation>KL pro Dimension kann nicht gemessen werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="376"/>
        <source>dataset: opening %1…</source>
        <translation>Datensatz: öffne %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="385"/>
        <location filename="../ui/main_window.cpp" line="393"/>
        <source>Cannot open the dataset</source>
        <translation>Datensatz kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="386"/>
        <source>Some files were skipped</source>
        <translation>Einige Dateien wurden übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="418"/>
        <location filename="../ui/main_window.cpp" line="430"/>
        <source>Cannot open checkpoint</source>
        <translation>Checkpoint kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="438"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="438"/>
        <source>Open a checkpoint or train a model first.</source>
        <translation>Öffnen Sie zuerst einen Checkpoint oder trainieren Sie ein Modell.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="447"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="444"/>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="458"/>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="463"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="509"/>
        <source>Stopping the training and saving it; the window closes when it is done.</source>
        <translation>Das Training wird beendet und gespeichert; das Fenster schließt sich danach.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="392"/>
        <location filename="../ui/main_window.cpp" line="400"/>
        <source>dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="62"/>
        <location filename="../ui/main_window.cpp" line="392"/>
        <source>dataset: none</source>
        <translation>Datensatz: keiner</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="100"/>
        <source>Re&amp;construction</source>
        <translation>Re&amp;konstruktion</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="102"/>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="241"/>
        <source>FactorVAE checkpoints (*.fvae *.safetensors);;Models trained elsewhere (*.ckpt *.pt *.pth *.tar *.pkl);;All files (*)</source>
        <translation>FactorVAE-Checkpoints (*.fvae *.safetensors);;Anderswo trainierte Modelle (*.ckpt *.pt *.pth *.tar *.pkl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>Load a trained model into the latent explorer: this application&apos;s, or one saved by 1Konny&apos;s FactorVAE or Beta-VAE, AntixK&apos;s PyTorch-VAE or the original project</source>
        <translation>Ein trainiertes Modell in den Latent-Explorer laden: eines dieser Anwendung oder eines, das 1Konnys FactorVAE oder Beta-VAE, AntixKs PyTorch-VAE oder das Originalprojekt gespeichert hat</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="284"/>
        <source>I&amp;mport a model trained elsewhere…</source>
        <translation>Anderswo trainiertes Modell i&amp;mportieren…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="286"/>
        <source>Import a model trained elsewhere</source>
        <translation>Anderswo trainiertes Modell importieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="287"/>
        <source>PyTorch and Lightning files (*.ckpt *.pt *.pth *.tar *.pkl *.npz);;All files (*)</source>
        <translation>PyTorch- und Lightning-Dateien (*.ckpt *.pt *.pth *.tar *.pkl *.npz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="289"/>
        <source>A checkpoint of 1Konny&apos;s FactorVAE or Beta-VAE, AntixK&apos;s PyTorch-VAE or the original project, saved as a .fvae beside it (the names you give its dimensions are kept there)</source>
        <translation>Ein Checkpoint von 1Konnys FactorVAE oder Beta-VAE, AntixKs PyTorch-VAE oder dem Originalprojekt, daneben als .fvae gespeichert (dort bleiben die Namen, die Sie seinen Dimensionen geben)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="469"/>
        <source>Cannot import the model</source>
        <translation>Das Modell kann nicht importiert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="501"/>
        <source>Training is running</source>
        <translation>Ein Training läuft</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="502"/>
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
        <location filename="../ui/metrics_panel.cpp" line="42"/>
        <source>Votes that train the majority-vote classifier</source>
        <translation>Stimmen, die den Mehrheitsklassifikator trainieren</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="43"/>
        <source>Fresh votes the score is measured on</source>
        <translation>Neue Stimmen, auf denen der Wert gemessen wird</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="44"/>
        <source>Samples per vote (L): one factor fixed, the others random</source>
        <translation>Stichproben pro Stimme (L): ein Faktor fest, die anderen zufällig</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="45"/>
        <source>Samples for the mutual information gap</source>
        <translation>Stichproben für die Transinformationslücke (MIG)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="46"/>
        <source>The same seed gives the same scores</source>
        <translation>Derselbe Startwert ergibt dieselben Werte</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="48"/>
        <source>&amp;Measure</source>
        <translation>&amp;Messen</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="49"/>
        <source>Use suggested &amp;names</source>
        <translation>Vorgeschlagene &amp;Namen übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="50"/>
        <source>Save &amp;record…</source>
        <translation>&amp;Protokoll speichern…</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="54"/>
        <source>score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="57"/>
        <source>Quick settings</source>
        <translation>Schnelle Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="58"/>
        <source>A tenth of the votes and samples: a rough score in seconds</source>
        <translation>Ein Zehntel der Stimmen und Stichproben: ein grober Wert in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="61"/>
        <source>disentanglement_lib settings</source>
        <translation>Einstellungen von disentanglement_lib</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="64"/>
        <source>FactorVAE metric and MIG on the built-in shapes dataset, whose factors are known</source>
        <translation>FactorVAE-Metrik und MIG auf dem eingebauten Datensatz shapes, dessen Faktoren bekannt sind</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="68"/>
        <source>Name unnamed latent dimensions after the factor they capture</source>
        <translation>Unbenannte latente Dimensionen nach dem erfassten Faktor benennen</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="70"/>
        <source>The scores with their settings, model and step as JSON, in the layout of factorvae evaluate --json</source>
        <translation>Die Werte mit ihren Einstellungen, Modell und Schritt als JSON, im Aufbau von factorvae evaluate --json</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="73"/>
        <source>Save the metrics record</source>
        <translation>Das Metrik-Protokoll speichern</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="74"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="80"/>
        <source>Training votes:</source>
        <translation>Trainingsstimmen:</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="81"/>
        <source>Evaluation votes:</source>
        <translation>Auswertungsstimmen:</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="82"/>
        <source>Samples per vote (L):</source>
        <translation>Stichproben pro Stimme (L):</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="83"/>
        <source>MIG samples:</source>
        <translation>MIG-Stichproben:</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="84"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="89"/>
        <location filename="../ui/metrics_panel.cpp" line="253"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="89"/>
        <location filename="../ui/metrics_panel.cpp" line="253"/>
        <source>Captures</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="89"/>
        <source>Var[μ]</source>
        <translation>Var[μ]</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="105"/>
        <source>Scores (FactorVAE metric, MIG and MIG per factor)</source>
        <translation>Werte (FactorVAE-Metrik, MIG und MIG pro Faktor)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="141"/>
        <source>Open a checkpoint or start a training to measure its disentanglement.</source>
        <translation>Einen Checkpoint öffnen oder ein Training starten, um die Entflechtung zu messen.</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="143"/>
        <source>The metrics need a greyscale model: the shapes dataset has one channel.</source>
        <translation>Die Metriken brauchen ein Graustufenmodell: der Datensatz shapes hat einen Kanal.</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="145"/>
        <source>This model was not trained on shapes: its scores on shapes say little.</source>
        <translation>Dieses Modell wurde nicht auf shapes trainiert: seine Werte auf shapes sagen wenig.</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="147"/>
        <source>Ground truth from the built-in shapes dataset (shape, scale, orientation, x, y).</source>
        <translation>Grundwahrheit aus dem eingebauten Datensatz shapes (Form, Größe, Drehung, x, y).</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="201"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="204"/>
        <source>Saved the record in %1</source>
        <translation>Protokoll in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="224"/>
        <source>&lt;b&gt;FactorVAE metric: %1&lt;/b&gt;&lt;br&gt;&lt;b&gt;MIG: %2&lt;/b&gt;&lt;br&gt;active dimensions: %3</source>
        <translation>&lt;b&gt;FactorVAE-Metrik: %1&lt;/b&gt;&lt;br&gt;&lt;b&gt;MIG: %2&lt;/b&gt;&lt;br&gt;aktive Dimensionen: %3</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="227"/>
        <source>FactorVAE</source>
        <translation>FactorVAE</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="227"/>
        <source>MIG</source>
        <translation>MIG</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="232"/>
        <source>MIG %1</source>
        <translation>MIG %1</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="253"/>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="275"/>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="91"/>
        <source>One column per factor: the share of that factor&apos;s votes each dimension won (a vote fixes the factor; the dimension whose variance drops most wins it). A factor whose votes split over dimensions, or a dimension that wins the votes of two factors, costs score.</source>
        <translation>Eine Spalte je Faktor: der Anteil der Stimmen dieses Faktors, den jede Dimension gewonnen hat (eine Stimme hält den Faktor fest; die Dimension, deren Varianz am stärksten sinkt, gewinnt sie). Ein Faktor, dessen Stimmen sich auf mehrere Dimensionen verteilen, oder eine Dimension, die die Stimmen zweier Faktoren gewinnt, kostet Punkte.</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="181"/>
        <source>Measuring…</source>
        <translation>Messe…</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="261"/>
        <source>Share of the votes for %1 that each dimension won</source>
        <translation>Anteil der Stimmen für %1, den jede Dimension gewonnen hat</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="274"/>
        <source>(inactive)</source>
        <translation>(inaktiv)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="278"/>
        <source>Var[μ] %1</source>
        <translation>Var[μ] %1</translation>
    </message>
    <message>
        <location filename="../ui/metrics_panel.cpp" line="292"/>
        <source>%1 of %2 votes for %3; mutual information with %3: %4 nats</source>
        <translation>%1 von %2 Stimmen für %3; Transinformation mit %3: %4 nats</translation>
    </message>
</context>
<context>
    <name>fvae::ui::ModelHeader</name>
    <message>
        <location filename="../ui/model_header.cpp" line="9"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/model_header.cpp" line="12"/>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../ui/model_header.cpp" line="13"/>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <location filename="../ui/model_header.cpp" line="34"/>
        <source>No model yet: open a checkpoint (File → Open), explore the demo model, or start a training.</source>
        <translation>Noch kein Modell: Öffnen Sie einen Checkpoint (Datei → Öffnen), erkunden Sie das Demo-Modell oder starten Sie ein Training.</translation>
    </message>
    <message>
        <location filename="../ui/model_header.cpp" line="37"/>
        <source>Model: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Modell: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>fvae::ui::NumberField</name>
    <message>
        <location filename="../ui/number_field.cpp" line="152"/>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../ui/number_field.cpp" line="157"/>
        <source>enter a number</source>
        <translation>bitte eine Zahl eingeben</translation>
    </message>
    <message>
        <location filename="../ui/number_field.cpp" line="159"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../ui/number_field.cpp" line="161"/>
        <source>%1 is below the minimum, %2</source>
        <translation>%1 liegt unter dem Minimum, %2</translation>
    </message>
    <message>
        <location filename="../ui/number_field.cpp" line="163"/>
        <source>%1 is above the maximum, %2</source>
        <translation>%1 liegt über dem Maximum, %2</translation>
    </message>
</context>
<context>
    <name>fvae::ui::ReconstructionPanel</name>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="39"/>
        <source>&amp;Reconstruct selected</source>
        <translation>Auswahl &amp;rekonstruieren</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="40"/>
        <source>E&amp;xplore this code</source>
        <translation>Diesen Code e&amp;rkunden</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="41"/>
        <source>Save comparison…</source>
        <translation>Vergleich speichern…</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="48"/>
        <source>Cannot reconstruct</source>
        <translation>Rekonstruktion nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="59"/>
        <source>Encode the selected dataset images (z = μ) and decode them (at most %1)</source>
        <translation>Die gewählten Bilder kodieren (z = μ) und dekodieren (höchstens %1)</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="60"/>
        <source>&amp;Load image files…</source>
        <translation>Bilddateien &amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="61"/>
        <source>Images from disk, converted and resized like the dataset</source>
        <translation>Bilder von der Festplatte, umgewandelt und skaliert wie der Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="62"/>
        <source>Send the selected result&apos;s code (μ) to the latent explorer as its base</source>
        <translation>Den Code (μ) des gewählten Ergebnisses als Basis an den Latent-Explorer senden</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="63"/>
        <source>Originals, reconstructions and heat maps as one PNG</source>
        <translation>Originale, Rekonstruktionen und Fehlerkarten als ein PNG</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="77"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="77"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="77"/>
        <source>Reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="77"/>
        <source>|Error| map</source>
        <translation>|Fehler|-Karte</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="77"/>
        <source>BCE (nats)</source>
        <translation>BCE (nats)</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="77"/>
        <source>MSE / pixel</source>
        <translation>MSE / Pixel</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="83"/>
        <source>Reconstructions</source>
        <translation>Rekonstruktionen</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="84"/>
        <source>The heat map shows |original − reconstruction|: black 0, red, yellow, white 1</source>
        <translation>Die Fehlerkarte zeigt |Original − Rekonstruktion|: schwarz 0, rot, gelb, weiß 1</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="154"/>
        <source>Reconstructing the first images of the page…</source>
        <translation>Die ersten Bilder der Seite werden rekonstruiert…</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="155"/>
        <source>Open a checkpoint or start a training to reconstruct images.</source>
        <translation>Einen Checkpoint öffnen oder ein Training starten, um Bilder zu rekonstruieren.</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="206"/>
        <source>Load images</source>
        <translation>Bilder laden</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="207"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm)</translation>
    </message>
    <message>
        <location filename="../ui/reconstruction_panel.cpp" line="241"/>
        <source>Cannot read some images</source>
        <translation>Einige Bilder sind nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reconstruction_panel.cpp" line="278"/>
        <source>%Ln image(s): mean BCE %1 nats, mean MSE %2 per pixel</source>
        <translation>
            <numerusform>%Ln Bild: mittlere BCE %1 nats, mittlerer MSE %2 pro Pixel</numerusform>
            <numerusform>%Ln Bilder: mittlere BCE %1 nats, mittlerer MSE %2 pro Pixel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fvae::ui::ResponsesPanel</name>
    <message>
        <location filename="../ui/responses_panel.cpp" line="43"/>
        <source>One curve per &amp;shape</source>
        <translation>Eine Kurve je &amp;Form</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="49"/>
        <source>&amp;Compute</source>
        <translation>&amp;Berechnen</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="47"/>
        <source>Export &amp;PNG…</source>
        <translation>&amp;PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="48"/>
        <source>Export C&amp;SV…</source>
        <translation>C&amp;SV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="54"/>
        <source>Factors (built-in shapes)</source>
        <translation>Faktoren (eingebaute Formen)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="55"/>
        <source>Classes (open dataset)</source>
        <translation>Klassen (geöffneter Datensatz)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="57"/>
        <source>Factors: μ of every dimension as each factor of the shapes dataset sweeps its values, the other factors random. Classes: μ of every dimension per class of the dataset&apos;s labels.</source>
        <translation>Faktoren: μ jeder Dimension, während jeder Faktor des Formen-Datensatzes seine Werte durchläuft, die anderen Faktoren zufällig. Klassen: μ jeder Dimension je Klasse der Labels des Datensatzes.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="59"/>
        <source>Images behind each point of a curve (per shape when curves are per shape)</source>
        <translation>Bilder hinter jedem Punkt einer Kurve (je Form, wenn die Kurven je Form sind)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="60"/>
        <source>Does a dimension follow scale for every shape, or only for hearts?</source>
        <translation>Folgt eine Dimension der Größe bei jeder Form oder nur bei Herzen?</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="61"/>
        <source>Images encoded from the dataset: a seeded random subset when it holds more</source>
        <translation>Kodierte Bilder des Datensatzes: eine reproduzierbare Zufallsauswahl, wenn er mehr enthält</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="62"/>
        <source>The same seed encodes the same images</source>
        <translation>Derselbe Seed kodiert dieselben Bilder</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="70"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="70"/>
        <source>η² (classes)</source>
        <translation>η² (Klassen)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="71"/>
        <source>Dimensions ranked by the share of their variance that the classes explain</source>
        <translation>Dimensionen nach dem Anteil ihrer Varianz, den die Klassen erklären</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="90"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="94"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="88"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="96"/>
        <source>CSV tables (*.csv)</source>
        <translation>CSV-Tabellen (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="99"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="100"/>
        <source>Images per point:</source>
        <translation>Bilder pro Punkt:</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="102"/>
        <source>Images from the dataset:</source>
        <translation>Bilder aus dem Datensatz:</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="103"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="118"/>
        <source>Nothing computed for this model yet: press &lt;b&gt;Compute&lt;/b&gt; to see what each dimension responds to.</source>
        <translation>Für dieses Modell ist noch nichts berechnet: &lt;b&gt;Berechnen&lt;/b&gt; zeigt, worauf jede Dimension reagiert.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="179"/>
        <source>Open a checkpoint or start a training to see what its dimensions encode.</source>
        <translation>Öffnen Sie einen Checkpoint oder starten Sie ein Training, um zu sehen, was seine Dimensionen kodieren.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="181"/>
        <source>The shapes dataset is greyscale: factor responses need a one-channel model.</source>
        <translation>Der Formen-Datensatz ist einfarbig: Faktorantworten brauchen ein Modell mit einem Kanal.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="183"/>
        <source>Open a dataset with labels (File → Open dataset) to see μ per class.</source>
        <translation>Öffnen Sie einen Datensatz mit Labels (Datei → Datensatz öffnen), um μ je Klasse zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="188"/>
        <source>Each cell: μ of one dimension as one factor sweeps its values; η² is the share of μ&apos;s variance that factor explains.</source>
        <translation>Jede Zelle: μ einer Dimension, während ein Faktor seine Werte durchläuft; η² ist der Anteil der Varianz von μ, den dieser Faktor erklärt.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="190"/>
        <source>This model was not trained on shapes: its responses to shapes say little.</source>
        <translation>Dieses Modell wurde nicht auf Formen trainiert: seine Antworten auf Formen sagen wenig.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="186"/>
        <source>Dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="204"/>
        <location filename="../ui/responses_panel.cpp" line="221"/>
        <source>Computing…</source>
        <translation>Berechne…</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="254"/>
        <source>%1 follows %2 (η² %3)</source>
        <translation>%1 folgt %2 (η² %3)</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="259"/>
        <source>No dimension follows one factor with η² ≥ 0.5.</source>
        <translation>Keine Dimension folgt einem Faktor mit η² ≥ 0,5.</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="270"/>
        <source>%1 images; %2 classes</source>
        <translation>%1 Bilder; %2 Klassen</translation>
    </message>
    <message>
        <location filename="../ui/responses_panel.cpp" line="301"/>
        <source>%1: there is nothing to export yet</source>
        <translation>%1: es gibt noch nichts zu exportieren</translation>
    </message>
</context>
<context>
    <name>fvae::ui::ResultOrigin</name>
    <message>
        <location filename="../ui/result_origin.cpp" line="10"/>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../ui/result_origin.cpp" line="10"/>
        <source>unknown step</source>
        <translation>unbekannter Schritt</translation>
    </message>
    <message>
        <location filename="../ui/result_origin.cpp" line="64"/>
        <source>Computed for &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Berechnet für &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../ui/result_origin.cpp" line="67"/>
        <source>⚠ Computed for &lt;b&gt;%1&lt;/b&gt;; the training is at %2 now. Compute again for the current weights.</source>
        <translation>⚠ Berechnet für &lt;b&gt;%1&lt;/b&gt;; das Training ist jetzt bei %2. Erneut berechnen für die aktuellen Gewichte.</translation>
    </message>
    <message>
        <location filename="../ui/result_origin.cpp" line="71"/>
        <source>⚠ From an earlier model: &lt;b&gt;%1&lt;/b&gt;, not the one shown now (%2). Compute again to replace it.</source>
        <translation>⚠ Von einem früheren Modell: &lt;b&gt;%1&lt;/b&gt;, nicht dem jetzt gezeigten (%2). Erneut berechnen, um es zu ersetzen.</translation>
    </message>
    <message>
        <location filename="../ui/result_origin.cpp" line="72"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
</context>
<context>
    <name>fvae::ui::SamplingPanel</name>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="39"/>
        <source>Cannot decode the samples</source>
        <translation>Die Stichproben können nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="53"/>
        <source>Standard deviation of the prior samples</source>
        <translation>Standardabweichung der Stichproben aus der Prior-Verteilung</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="59"/>
        <source>&amp;Resample</source>
        <translation>&amp;Neu ziehen</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="61"/>
        <source>&amp;New seed</source>
        <translation>Neuer &amp;Seed</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="63"/>
        <source>Save grid…</source>
        <translation>Raster speichern…</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="64"/>
        <source>The sample grid as one PNG</source>
        <translation>Das Stichprobenraster als ein PNG</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="68"/>
        <source>Save as files…</source>
        <translation>Als Dateien speichern…</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="69"/>
        <source>Every sample as its own PNG in a folder, and their codes as samples-codes.npy</source>
        <translation>Jede Stichprobe als eigene PNG-Datei in einem Ordner und ihre Codes als samples-codes.npy</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="76"/>
        <source>Save the samples into a folder</source>
        <translation>Die Stichproben in einen Ordner speichern</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="81"/>
        <source>Cannot save the samples</source>
        <translation>Die Stichproben lassen sich nicht speichern</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="83"/>
        <source>Samples saved</source>
        <translation>Stichproben gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="84"/>
        <source>%1 PNG files and samples-codes.npy in %2</source>
        <translation>%1 PNG-Dateien und samples-codes.npy in %2</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="92"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="93"/>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatur:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="94"/>
        <source>&amp;Columns:</source>
        <translation>&amp;Spalten:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="95"/>
        <source>R&amp;ows:</source>
        <translation>&amp;Zeilen:</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="100"/>
        <source>Click a sample to explore its code.</source>
        <translation>Klicken Sie auf eine Stichprobe, um ihren Code zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="171"/>
        <source>Decoded by %1, step %2.</source>
        <translation>Dekodiert von %1, Schritt %2.</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="172"/>
        <source>Decoded by %1.</source>
        <translation>Dekodiert von %1.</translation>
    </message>
    <message>
        <location filename="../ui/sampling_panel.cpp" line="187"/>
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
        <source>Field&apos;s standard (burgess, 64 × 64)</source>
        <translation>Standard des Fachgebiets (burgess, 64 × 64)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="45"/>
        <source>Original project (seed)</source>
        <translation>Ursprüngliches Projekt (seed)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="54"/>
        <source>Follows the dataset and the image size (the quality bar&apos;s recipe on shapes, the paper&apos;s values elsewhere) until you change it.</source>
        <translation>Folgt dem Datensatz und der Bildgröße (auf shapes dem Rezept der Qualitätslatte, sonst den Werten des Papers), bis Sie es ändern.</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="56"/>
        <source>β weighs the KL divergence to the prior: higher values press the code towards independent unit Gaussians and blur reconstructions. </source>
        <translation>β gewichtet die KL-Divergenz zur Priorverteilung: höhere Werte drücken den Code zu unabhängigen Standardnormalverteilungen und machen Rekonstruktionen unschärfer. </translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="59"/>
        <source>γ weighs the total correlation, estimated by the discriminator: higher values push the dimensions to vary independently (FactorVAE&apos;s own term). </source>
        <translation>γ gewichtet die vom Diskriminator geschätzte Totalkorrelation: höhere Werte treiben die Dimensionen dazu, unabhängig voneinander zu variieren (der eigene Term von FactorVAE). </translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="64"/>
        <source>Adam&apos;s learning rate for the VAE. </source>
        <translation>Die Lernrate von Adam für den VAE. </translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="68"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="72"/>
        <source>none: the step budget</source>
        <translation>keins: das Schrittbudget</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="73"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="76"/>
        <source>How long the training may take. A few seconds&apos; calibration measures this computer&apos;s speed and plans the steps (and the candidates&apos; screening) to end within it; the planned steps are saved with the run. 0 trains the step budget (or the epochs) instead.</source>
        <translation>Wie lange das Training dauern darf. Eine Kalibrierung von wenigen Sekunden misst die Geschwindigkeit dieses Computers und plant die Schritte (und die Prüfung der Kandidaten) so, dass es darin endet; die geplanten Schritte werden mit dem Lauf gespeichert. 0 trainiert stattdessen das Schrittbudget (oder die Epochen).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training_form.cpp" line="81"/>
        <source>CPU threads to train with: the batch is split among them and their gradients summed in a fixed order, so a seed gives the same run for the same number of threads. This computer has %n core(s).</source>
        <translation>
            <numerusform>Threads für das Training auf der CPU: der Batch wird unter ihnen aufgeteilt und ihre Gradienten in fester Reihenfolge summiert, so ergibt ein Seed bei gleicher Threadzahl denselben Lauf. Dieser Computer hat %n Kern.</numerusform>
            <numerusform>Threads für das Training auf der CPU: der Batch wird unter ihnen aufgeteilt und ihre Gradienten in fester Reihenfolge summiert, so ergibt ein Seed bei gleicher Threadzahl denselben Lauf. Dieser Computer hat %n Kerne.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="104"/>
        <source>events.out.tfevents.* in the output folder (losses, reconstructions, traversal, settings); view with &lt;code&gt;tensorboard --logdir &quot;%1&quot;&lt;/code&gt;</source>
        <translation>events.out.tfevents.* im Ausgabeordner (Verluste, Rekonstruktionen, Traversierung, Einstellungen); ansehen mit &lt;code&gt;tensorboard --logdir &quot;%1&quot;&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="116"/>
        <source>one run</source>
        <translation>ein Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="118"/>
        <source>Train this many seeds for a few steps each, rank them by UDR (Unsupervised Disentanglement Ranking: how much each candidate&apos;s active dimensions agree with the others&apos;, no labels needed) and continue the best to the full budget; each candidate trains in its own folder</source>
        <translation>So viele Seeds je einige Schritte trainieren, nach UDR ordnen (Unsupervised Disentanglement Ranking: wie sehr die aktiven Dimensionen jedes Kandidaten mit denen der anderen übereinstimmen, ohne Labels) und den besten bis zum vollen Budget fortsetzen; jeder Kandidat trainiert in seinem eigenen Ordner</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="122"/>
        <source> steps each</source>
        <translation> Schritte je Kandidat</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="125"/>
        <source>How long each candidate trains before the ranking</source>
        <translation>Wie lange jeder Kandidat vor der Rangfolge trainiert</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="128"/>
        <source>keep their weights (~4 MB each)</source>
        <translation>ihre Gewichte behalten (je ~4 MB)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="129"/>
        <source>remove them</source>
        <translation>sie entfernen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="130"/>
        <source>keep everything (~84 MB each)</source>
        <translation>alles behalten (je ~84 MB)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="133"/>
        <source>After the ranking, the candidates that lost need no training state (the discriminator and the optimisers&apos; moments): keep only their weights, to open them later, or remove their folders</source>
        <translation>Nach der Rangfolge brauchen die unterlegenen Kandidaten keinen Trainingszustand (den Diskriminator und die Momente der Optimierer): nur ihre Gewichte behalten, um sie später zu öffnen, oder ihre Ordner entfernen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="161"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="163"/>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="164"/>
        <source>Datasets (*.npz *-ubyte *-ubyte.gz);;All files (*)</source>
        <translation>Datensätze (*.npz *-ubyte *-ubyte.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="170"/>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="171"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="172"/>
        <source>Image &amp;size:</source>
        <translation>Bild&amp;größe:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="173"/>
        <source>&amp;Latent dimensions:</source>
        <translation>&amp;Latente Dimensionen:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="174"/>
        <source>&amp;β (KL weight):</source>
        <translation>&amp;β (KL-Gewicht):</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="175"/>
        <source>&amp;γ (TC weight):</source>
        <translation>&amp;γ (TC-Gewicht):</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="176"/>
        <source>Learning &amp;rate:</source>
        <translation>Lern&amp;rate:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="177"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="178"/>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="179"/>
        <source>T&amp;ime budget:</source>
        <translation>&amp;Zeitbudget:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="180"/>
        <source>S&amp;tep budget:</source>
        <translation>Schri&amp;ttbudget:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="181"/>
        <source>T&amp;hreads:</source>
        <translation>T&amp;hreads:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="182"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="183"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="184"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="185"/>
        <source>Open the output folder in the file manager</source>
        <translation>Den Ausgabeordner im Dateimanager öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="190"/>
        <source>Cannot open the output folder</source>
        <translation>Der Ausgabeordner lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="191"/>
        <source>No file manager is set up to open %1; the folder is there to open by hand</source>
        <translation>Kein Dateimanager ist eingerichtet, um %1 zu öffnen; der Ordner ist angelegt und lässt sich von Hand öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="197"/>
        <source>&amp;Output folder:</source>
        <translation>&amp;Ausgabeordner:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="198"/>
        <source>TensorBoard log:</source>
        <translation>TensorBoard-Protokoll:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="202"/>
        <source>Ca&amp;ndidates:</source>
        <translation>Ka&amp;ndidaten:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="203"/>
        <source>Candidates that &amp;lost:</source>
        <translation>&amp;Unterlegene Kandidaten:</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="205"/>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="205"/>
        <source>Steps per candidate</source>
        <translation>Schritte je Kandidat</translation>
    </message>
    <message>
        <location filename="../ui/training_form.cpp" line="345"/>
        <source>Planned from the time budget; set the time budget to 0 to give steps</source>
        <translation>Aus dem Zeitbudget geplant; Zeitbudget auf 0 setzen, um Schritte anzugeben</translation>
    </message>
</context>
<context>
    <name>fvae::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training_panel.cpp" line="63"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="64"/>
        <location filename="../ui/training_panel.cpp" line="372"/>
        <location filename="../ui/training_panel.cpp" line="412"/>
        <location filename="../ui/training_panel.cpp" line="420"/>
        <location filename="../ui/training_panel.cpp" line="430"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="65"/>
        <source>St&amp;op</source>
        <translation>St&amp;opp</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="66"/>
        <source>Resume a run…</source>
        <translation>Lauf fortsetzen…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="67"/>
        <source>Continue a saved run (its model, settings and dataset) up to the epochs or steps above</source>
        <translation>Einen gespeicherten Lauf (Modell, Einstellungen, Datensatz) bis zu den obigen Epochen oder Schritten fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="78"/>
        <source>Resume training</source>
        <translation>Training fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="87"/>
        <location filename="../ui/training_panel.cpp" line="130"/>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="203"/>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="206"/>
        <source>seed %1 · continuing</source>
        <translation>Seed %1 · läuft weiter</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="207"/>
        <source>seed %1 · screening</source>
        <translation>Seed %1 · Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="134"/>
        <source>Fixed inputs and their reconstructions appear here during training.</source>
        <translation>Feste Eingaben und ihre Rekonstruktionen erscheinen hier während des Trainings.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="136"/>
        <source>Fixed inputs (top) and their current reconstructions (bottom), refreshed each epoch and every 500 steps</source>
        <translation>Feste Eingaben (oben) und ihre aktuellen Rekonstruktionen (unten), erneuert nach jeder Epoche und alle 500 Schritte</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="106"/>
        <source>Save charts…</source>
        <translation>Diagramme speichern…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="79"/>
        <source>Runs and candidate pipelines (*.fvae candidates.csv);;FactorVAE checkpoints (*.fvae)</source>
        <translation>Läufe und Kandidatenauswahlen (*.fvae candidates.csv);;FactorVAE-Checkpoints (*.fvae)</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="102"/>
        <source>Explore a trained model now</source>
        <translation>Ein trainiertes Modell jetzt erkunden</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="103"/>
        <source>Open the demo model, trained by this application on the built-in shapes, in the explorer</source>
        <translation>Das Demomodell, von dieser Anwendung auf den eingebauten shapes trainiert, im Explorer öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="107"/>
        <source>The loss curves and the KL bars as one PNG</source>
        <translation>Die Verlustkurven und die KL-Balken als ein PNG</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="109"/>
        <source>Save charts</source>
        <translation>Diagramme speichern</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="110"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="114"/>
        <source>Cannot save the charts</source>
        <translation>Diagramme können nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="116"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="140"/>
        <source>Earlier reconstructions of this run</source>
        <translation>Frühere Rekonstruktionen dieses Laufs</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="195"/>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="210"/>
        <source>Training %1 on %2.</source>
        <translation>Training von %1 auf %2.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="225"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="227"/>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="276"/>
        <source>saved at step %1 of %2</source>
        <translation>gespeichert bei Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="286"/>
        <source>epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="246"/>
        <location filename="../ui/training_panel.cpp" line="296"/>
        <source>Paused. %1</source>
        <translation>Pausiert. %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="87"/>
        <location filename="../ui/training_panel.cpp" line="303"/>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="86"/>
        <location filename="../ui/training_panel.cpp" line="304"/>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="327"/>
        <source>Resuming the candidate pipeline in %1: screened candidates are kept, a stopped one goes on from its checkpoint, then the ranking and the best candidate&apos;s continuation.</source>
        <translation>Setze die Kandidatenauswahl in %1 fort: geprüfte Kandidaten bleiben, ein gestoppter läuft von seinem Checkpoint weiter, dann folgen die Rangfolge und die Fortsetzung des besten Kandidaten.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="470"/>
        <source>screening</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="356"/>
        <source>Cannot start training: %1</source>
        <translation>Training kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="238"/>
        <source>New here? Explore a trained model now, or press Start to train your own: it ends within the time budget below.</source>
        <translation>Neu hier? Erkunden Sie jetzt ein trainiertes Modell, oder drücken Sie Starten, um ein eigenes zu trainieren: es endet innerhalb des Zeitbudgets unten.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="311"/>
        <source>Waiting for your choice: the output folder holds an earlier run.</source>
        <translation>Warte auf Ihre Wahl: Der Ausgabeordner enthält einen früheren Lauf.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="357"/>
        <source>Cannot start training</source>
        <translation>Training kann nicht gestartet werden</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="373"/>
        <source>Preparing the dataset…</source>
        <translation>Datensatz wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="373"/>
        <source>Preparing the candidates…</source>
        <translation>Bereite die Kandidaten vor…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="385"/>
        <source>Screening candidate %1 of %2 (seed %3), %4 steps each.</source>
        <translation>Prüfe Kandidat %1 von %2 (Seed %3), je %4 Schritte.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="392"/>
        <source>Ranking the %1 candidates by UDR…</source>
        <translation>Ordne die %1 Kandidaten nach UDR…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="395"/>
        <source>Continuing seed %1 (UDR %2) to the full budget of %3 steps</source>
        <translation>Setze Seed %1 (UDR %2) bis zum vollen Budget von %3 Schritten fort</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="405"/>
        <source>Time budget of %1.</source>
        <translation>Zeitbudget von %1.</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="412"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="422"/>
        <source>Stopping after this step and saving…</source>
        <translation>Stoppe nach diesem Schritt und speichere…</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="467"/>
        <source>candidate %1 of %2 · %3 · step %4/%5 · pipeline %6% · ETA %7</source>
        <translation>Kandidat %1 von %2 · %3 · Schritt %4/%5 · Auswahl %6 % · Restzeit %7</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="470"/>
        <source>continuing</source>
        <translation>läuft weiter</translation>
    </message>
    <message>
        <location filename="../ui/training_panel.cpp" line="476"/>
        <source>epoch %1 · step %2/%3 · %4 img/s · ETA %5</source>
        <translation>Epoche %1 · Schritt %2/%3 · %4 Bilder/s · Restzeit %5</translation>
    </message>
</context>
<context>
    <name>fvae::ui::UserGuide</name>
    <message>
        <location filename="../ui/user_guide.cpp" line="55"/>
        <source>FactorVAE Studio — User&apos;s guide</source>
        <translation>FactorVAE Studio — Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../ui/user_guide.cpp" line="65"/>
        <source>The user&apos;s guide is missing from this build.</source>
        <translation>Das Benutzerhandbuch fehlt in diesem Build.</translation>
    </message>
    <message>
        <location filename="../ui/user_guide.cpp" line="69"/>
        <source>◀ &amp;Back</source>
        <translation>◀ &amp;Zurück</translation>
    </message>
    <message>
        <location filename="../ui/user_guide.cpp" line="70"/>
        <source>&amp;Forward ▶</source>
        <translation>&amp;Vor ▶</translation>
    </message>
    <message>
        <location filename="../ui/user_guide.cpp" line="90"/>
        <source>About FactorVAE Studio</source>
        <translation>Über FactorVAE Studio</translation>
    </message>
    <message>
        <location filename="../ui/user_guide.cpp" line="91"/>
        <source>&lt;h3&gt;FactorVAE Studio %1&lt;/h3&gt;&lt;p&gt;Train a FactorVAE (Kim &amp;amp; Mnih 2018) and explore what each latent dimension means.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FactorVAE Studio %1&lt;/h3&gt;&lt;p&gt;Trainieren Sie ein FactorVAE (Kim &amp;amp; Mnih 2018) und erkunden Sie, was jede latente Dimension bedeutet.&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
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
        <source>start training on the built-in dataset at once</source>
        <translation>sofort auf dem eingebauten Datensatz trainieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="31"/>
        <source>language of the user interface (e.g. en, de; default: the system&apos;s)</source>
        <translation>Sprache der Benutzeroberfläche (z. B. en, de; Vorgabe: die des Systems)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="36"/>
        <source>open the checkpoint, say which model and step the window shows and quit (for packagers)</source>
        <translation>den Checkpoint öffnen, sagen, welches Modell und welchen Schritt das Fenster zeigt, und beenden (für Paketbauer)</translation>
    </message>
</context>
</TS>
