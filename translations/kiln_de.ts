<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>kiln::AcquirePage</name>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Search query</source>
        <translation>Suchanfrage</translation>
    </message>
    <message>
        <source>Images wanted</source>
        <translation>Gewünschte Bilder</translation>
    </message>
    <message>
        <source>Any size</source>
        <translation>Beliebige Größe</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>Klein</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Groß</translation>
    </message>
    <message>
        <source>Wallpaper</source>
        <translation>Hintergrundbild</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Beliebiger Typ</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Clip art</source>
        <translation>Clipart</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>Animiertes GIF</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>Transparent</translation>
    </message>
    <message>
        <source>Line drawing</source>
        <translation>Strichzeichnung</translation>
    </message>
    <message>
        <source>Any layout</source>
        <translation>Beliebiges Format</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Quadratisch</translation>
    </message>
    <message>
        <source>Tall</source>
        <translation>Hochformat</translation>
    </message>
    <message>
        <source>Wide</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Why it was not kept</source>
        <translation>Grund für das Verwerfen</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>One row per class. The query defaults to the class name plus the suffix.</source>
        <translation>Eine Zeile pro Klasse. Standardmäßig ist die Suchanfrage der Klassenname plus Suffix.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Paste names</source>
        <translation>Namen einfügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Type class names, one per line</source>
        <translation>Klassennamen eingeben, einer pro Zeile</translation>
    </message>
    <message>
        <source>Add the class names on the clipboard, one per line</source>
        <translation>Klassennamen aus der Zwischenablage hinzufügen, einer pro Zeile</translation>
    </message>
    <message>
        <source>Search and download</source>
        <translation>Suche und Download</translation>
    </message>
    <message>
        <source>e.g. photo</source>
        <translation>z. B. Foto</translation>
    </message>
    <message>
        <source>keep the original size</source>
        <translation>Originalgröße beibehalten</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Query suffix</source>
        <translation>Suffix der Suchanfrage</translation>
    </message>
    <message>
        <source>Images per new class</source>
        <translation>Bilder pro neuer Klasse</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Safe search</source>
        <translation>SafeSearch</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Downscale to at most</source>
        <translation>Verkleinern auf höchstens</translation>
    </message>
    <message>
        <source>Downloads at once</source>
        <translation>Gleichzeitige Downloads</translation>
    </message>
    <message>
        <source>The image-search service (DuckDuckGo&apos;s protocol); point it at a proxy or a test server</source>
        <translation>Der Bildsuchdienst (DuckDuckGo-Protokoll); lässt sich auf einen Proxy oder Testserver umstellen</translation>
    </message>
    <message>
        <source>Search service</source>
        <translation>Suchdienst</translation>
    </message>
    <message>
        <source>The newest images, as they arrive</source>
        <translation>Die neuesten Bilder, sobald sie eintreffen</translation>
    </message>
    <message>
        <source>Empty: the class name plus the query suffix</source>
        <translation>Leer: Klassenname plus Suffix der Suchanfrage</translation>
    </message>
    <message>
        <source>Add classes</source>
        <translation>Klassen hinzufügen</translation>
    </message>
    <message>
        <source>Class names, one per line:</source>
        <translation>Klassennamen, einer pro Zeile:</translation>
    </message>
    <message>
        <source>Add the classes you want, then Start. Images land in the project&apos;s class folders.</source>
        <translation>Gewünschte Klassen hinzufügen, dann „Starten“ klicken. Die Bilder landen in den Klassenordnern des Projekts.</translation>
    </message>
    <message>
        <source>(the search)</source>
        <translation>(die Suche)</translation>
    </message>
    <message>
        <source>%1 (+%2 there)</source>
        <translation>%1 (+%2 vorhanden)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>done: the search ran out of usable images (%1 of %2)</source>
        <translation>fertig: die Suche lieferte keine weiteren brauchbaren Bilder (%1 von %2)</translation>
    </message>
    <message>
        <source>downloading (%1)</source>
        <translation>wird heruntergeladen (%1)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>%1 of %2 images · %3 images/s · %4 left · %5 not kept</source>
        <translation>%1 von %2 Bildern · %3 Bilder/s · noch %4 · %5 verworfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open or create a project first</source>
        <translation>Zuerst ein Projekt öffnen oder erstellen</translation>
    </message>
</context>
<context>
    <name>kiln::AnalyzePage</name>
    <message>
        <source>Interpret</source>
        <translation>Interpretieren</translation>
    </message>
    <message>
        <source>Normalise rows</source>
        <translation>Zeilen normalisieren</translation>
    </message>
    <message>
        <source>Mistakes only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Retrain…</source>
        <translation>Neu trainieren…</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>The trained run to interpret</source>
        <translation>Der zu interpretierende trainierte Lauf</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Which images to predict and analyse</source>
        <translation>Welche Bilder vorhergesagt und analysiert werden</translation>
    </message>
    <message>
        <source>Colour each row by its share of the class (recall on the diagonal) instead of by count</source>
        <translation>Jede Zeile nach ihrem Anteil an der Klasse (Trefferquote auf der Diagonale) statt nach Anzahl einfärben</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Verkleinern (Strg+Mausrad)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Vergrößern (Strg+Mausrad)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the matrix to the window</source>
        <translation>Matrix an das Fenster anpassen</translation>
    </message>
    <message>
        <source>Click a cell to see its images, sorted by loss.</source>
        <translation>Auf eine Zelle klicken, um ihre Bilder nach Verlust sortiert zu sehen.</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Most confused</source>
        <translation>Am häufigsten verwechselt</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Pro Klasse</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Einbettungen</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Every image of the split, largest loss first</source>
        <translation>Alle Bilder der Aufteilung, größter Verlust zuerst</translation>
    </message>
    <message>
        <source>Actual:</source>
        <translation>Tatsächlich:</translation>
    </message>
    <message>
        <source>Predicted:</source>
        <translation>Vorhergesagt:</translation>
    </message>
    <message>
        <source>Under each image: predicted / actual, then loss / p(predicted) / p(actual). Mark with K (keep), Del (delete), R (relabel), then Apply.</source>
        <translation>Unter jedem Bild: vorhergesagt / tatsächlich, dann Verlust / p(predicted) / p(actual). Mit K (behalten), Entf (löschen), R (umlabeln) markieren, dann „Anwenden“.</translation>
    </message>
    <message>
        <source>Move the images marked delete to the trash and the ones marked relabel to their new class</source>
        <translation>Zum Löschen markierte Bilder in den Papierkorb und zum Umlabeln markierte in ihre neue Klasse verschieben</translation>
    </message>
    <message>
        <source>Undo the last edit of the dataset (Ctrl+Z)</source>
        <translation>Letzte Änderung am Datensatz rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Train a new run with this run&apos;s configuration on the cleaned data</source>
        <translation>Einen neuen Lauf mit der Konfiguration dieses Laufs auf den bereinigten Daten trainieren</translation>
    </message>
    <message>
        <source>Train a model, then interpret its run here.</source>
        <translation>Ein Modell trainieren und dann seinen Lauf hier interpretieren.</translation>
    </message>
    <message>
        <source>Choose a run and press Interpret.</source>
        <translation>Einen Lauf wählen und auf „Interpretieren“ klicken.</translation>
    </message>
    <message>
        <source>No runs yet: train a model on the Train page first.</source>
        <translation>Noch keine Läufe: zuerst auf der Seite „Trainieren“ ein Modell trainieren.</translation>
    </message>
    <message>
        <source>Predicting</source>
        <translation>Vorhersage läuft</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>Vorhersage läuft…</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Beliebige Klasse</translation>
    </message>
    <message>
        <source>Accuracy %1 (%2 of %3 images), macro F1 %4</source>
        <translation>Genauigkeit %1 (%2 von %3 Bildern), Makro-F1 %4</translation>
    </message>
    <message>
        <source> · saved predictions</source>
        <translation> · gespeicherte Vorhersagen</translation>
    </message>
    <message>
        <source> · predicted in %1 s</source>
        <translation> · vorhergesagt in %1 s</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln image(s) did not decode</source>
        <translation>
            <numerusform> · %Ln Bild konnte nicht dekodiert werden</numerusform>
            <numerusform> · %Ln Bilder konnten nicht dekodiert werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected in the embeddings</source>
        <translation>In den Einbettungen ausgewählt</translation>
    </message>
    <message>
        <source>%1 predicted as %2</source>
        <translation>%1 vorhergesagt als %2</translation>
    </message>
    <message>
        <source>Actual %1</source>
        <translation>Tatsächlich %1</translation>
    </message>
    <message>
        <source>Predicted as %1</source>
        <translation>Vorhergesagt als %1</translation>
    </message>
    <message>
        <source>Top losses</source>
        <translation>Größte Verluste</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln image(s), largest loss first</source>
        <translation>
            <numerusform>%1 · %Ln Bild, größter Verlust zuerst</numerusform>
            <numerusform>%1 · %Ln Bilder, größter Verlust zuerst</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked: %1 delete, %2 relabel, %3 keep</source>
        <translation>Markiert: %1 löschen, %2 umlabeln, %3 behalten</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Rückgängig: %1 (Strg+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>Wiederholen: %1 (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln image(s) moved</source>
        <translation>
            <numerusform>%1: %Ln Bild verschoben</numerusform>
            <numerusform>%1: %Ln Bilder verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>; not done: %1</source>
        <translation>; nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (und %1 weitere)</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Wiederholt</translation>
    </message>
    <message>
        <source>Data issues</source>
        <translation>Datenprobleme</translation>
    </message>
    <message>
        <source>K keep · Delete or D delete · R relabel · S relabel to the suggestion · U clear the choice · right-click for every class</source>
        <translation>K behalten · Entf oder D löschen · R umbenennen · S zum Vorschlag umbenennen · U Auswahl aufheben · Rechtsklick für jede Klasse</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln image(s)</source>
        <translation>
            <numerusform>%1 · %Ln Bild</numerusform>
            <numerusform>%1 · %Ln Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Likely label errors, least confident first</source>
        <translation>Wahrscheinliche Labelfehler, unsicherste zuerst</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Export images</source>
        <translation>Bilder exportieren</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Two runs per class</source>
        <translation>Zwei Läufe pro Klasse</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>loss %1 · p %2</source>
        <translation>Verlust %1 · p %2</translation>
    </message>
    <message>
        <source>Chosen images</source>
        <translation>Ausgewählte Bilder</translation>
    </message>
</context>
<context>
    <name>kiln::ClassBalanceChart</name>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>kiln::ClassBarChart</name>
    <message>
        <source>Interpret a run to see its per-class metrics</source>
        <translation>Einen Lauf interpretieren, um seine Metriken pro Klasse zu sehen</translation>
    </message>
    <message>
        <source>Per-class metrics</source>
        <translation>Metriken pro Klasse</translation>
    </message>
</context>
<context>
    <name>kiln::ClassCompareModel</name>
    <message>
        <source>This run has no class %1</source>
        <translation>Dieser Lauf hat keine Klasse %1</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Precision %1</source>
        <translation>Präzision %1</translation>
    </message>
    <message>
        <source>Recall %1</source>
        <translation>Trefferquote %1</translation>
    </message>
    <message>
        <source>F1 %1</source>
        <translation>F1 %1</translation>
    </message>
    <message>
        <source>F1 change</source>
        <translation>F1-Änderung</translation>
    </message>
    <message>
        <source>Images %1</source>
        <translation>Bilder %1</translation>
    </message>
</context>
<context>
    <name>kiln::ClassComparePanel</name>
    <message>
        <source>Compare per class</source>
        <translation>Pro Klasse vergleichen</translation>
    </message>
    <message>
        <source>Run B, compared with the run interpreted above (A)</source>
        <translation>Lauf B, verglichen mit dem oben interpretierten Lauf (A)</translation>
    </message>
    <message>
        <source>Per-class metrics of two runs</source>
        <translation>Metriken pro Klasse zweier Läufe</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Interpret a run, choose run B, and press Compare per class.</source>
        <translation>Einen Lauf interpretieren, Lauf B wählen und auf „Pro Klasse vergleichen“ klicken.</translation>
    </message>
    <message>
        <source>Predicting %1…</source>
        <translation>Vorhersage für %1…</translation>
    </message>
    <message>
        <source>Predicting run B</source>
        <translation>Vorhersage für Lauf B</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>F1 per class</source>
        <translation>F1 pro Klasse</translation>
    </message>
    <message numerus="yes">
        <source>A %1: accuracy %2 · B %3: accuracy %4 on %n images</source>
        <translation>
            <numerusform>A %1: Genauigkeit %2 · B %3: Genauigkeit %4 auf %n Bild</numerusform>
            <numerusform>A %1: Genauigkeit %2 · B %3: Genauigkeit %4 auf %n Bildern</numerusform>
        </translation>
    </message>
    <message>
        <source>The runs&apos; classes differ; they are matched by name.</source>
        <translation>Die Klassen der Läufe unterscheiden sich; sie werden nach Namen zugeordnet.</translation>
    </message>
    <message>
        <source>Run B:</source>
        <translation>Lauf B:</translation>
    </message>
</context>
<context>
    <name>kiln::ClassCurvesPlot</name>
    <message>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <source>Precision-recall</source>
        <translation>Präzision-Trefferquote</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Interpret a run to see each class&apos;s precision-recall and ROC curves.</source>
        <translation>Einen Lauf interpretieren, um die Präzision-Trefferquote- und ROC-Kurven jeder Klasse zu sehen.</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>false-positive rate</source>
        <translation>Falsch-positiv-Rate</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>true-positive rate</source>
        <translation>Richtig-positiv-Rate</translation>
    </message>
    <message numerus="yes">
        <source>%1: average precision %2 · ROC AUC %3 · %Ln image(s) of the class</source>
        <translation>
            <numerusform>%1: durchschnittliche Präzision %2 · ROC-AUC %3 · %Ln Bild der Klasse</numerusform>
            <numerusform>%1: durchschnittliche Präzision %2 · ROC-AUC %3 · %Ln Bilder der Klasse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> among %Ln</source>
        <translation>
            <numerusform> unter %Ln</numerusform>
            <numerusform> unter %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>threshold %1: precision %2, recall %3</source>
        <translation>Schwelle %1: Präzision %2, Trefferquote %3</translation>
    </message>
    <message>
        <source>threshold %1: true-positive rate %2, false-positive rate %3</source>
        <translation>Schwelle %1: Richtig-positiv-Rate %2, Falsch-positiv-Rate %3</translation>
    </message>
    <message>
        <source>Per-class curves</source>
        <translation>Kurven pro Klasse</translation>
    </message>
</context>
<context>
    <name>kiln::ClassMetricsModel</name>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>kiln::ClassTableModel</name>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
</context>
<context>
    <name>kiln::CleanerActions</name>
    <message>
        <source>Keep	K</source>
        <translation>Behalten	K</translation>
    </message>
    <message>
        <source>Delete	Del</source>
        <translation>Löschen	Entf</translation>
    </message>
    <message>
        <source>Relabel to the suggestion (%1)	S</source>
        <translation>Zum Vorschlag umbenennen (%1)	S</translation>
    </message>
    <message>
        <source>Relabel to</source>
        <translation>Umlabeln zu</translation>
    </message>
    <message>
        <source>Clear choice	U</source>
        <translation>Auswahl aufheben	U</translation>
    </message>
</context>
<context>
    <name>kiln::ConfusionMatrixCanvas</name>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
</context>
<context>
    <name>kiln::ConfusionMatrixModel</name>
    <message>
        <source>Actual %1, predicted %2
%3 of %4 images (%5%)</source>
        <translation>Tatsächlich %1, vorhergesagt %2
%3 von %4 Bildern (%5 %)</translation>
    </message>
</context>
<context>
    <name>kiln::ContactSheet</name>
    <message>
        <source>cannot be read</source>
        <translation>nicht lesbar</translation>
    </message>
</context>
<context>
    <name>kiln::DataIssuesTab</name>
    <message>
        <source>Find issues</source>
        <translation>Probleme finden</translation>
    </message>
    <message>
        <source>Fast (embeddings)</source>
        <translation>Schnell (Embeddings)</translation>
    </message>
    <message>
        <source>Thorough (retrain per fold)</source>
        <translation>Gründlich (je Fold neu trainieren)</translation>
    </message>
    <message>
        <source>Fast: a small head trained per fold on the run&apos;s frozen embeddings, seconds. Thorough: one model per fold trained with the run&apos;s settings, minutes; a stopped search resumes.</source>
        <translation>Schnell: ein kleiner Kopf je Fold auf den eingefrorenen Embeddings des Laufs, Sekunden. Gründlich: ein Modell je Fold mit den Einstellungen des Laufs, Minuten; eine angehaltene Suche wird fortgesetzt.</translation>
    </message>
    <message>
        <source> folds</source>
        <translation> Folds</translation>
    </message>
    <message>
        <source>Each image is judged by a model that did not train on it: the images are dealt into this many folds</source>
        <translation>Jedes Bild wird von einem Modell beurteilt, das nicht darauf trainiert hat: die Bilder werden auf so viele Folds verteilt</translation>
    </message>
    <message>
        <source>Finds labels that are likely wrong (confident learning on out-of-sample predictions), near-duplicates and outliers in every image of the run&apos;s dataset.</source>
        <translation>Findet wahrscheinlich falsche Labels (Confident Learning auf Vorhersagen außerhalb der Trainingsdaten), Beinahe-Duplikate und Ausreißer in allen Bildern des Datensatzes des Laufs.</translation>
    </message>
    <message>
        <source>Duplicates at similarity:</source>
        <translation>Duplikate ab Ähnlichkeit:</translation>
    </message>
    <message>
        <source>Cosine similarity of the embeddings above which two images count as the same picture (identical files and pictures with the same hash always do)</source>
        <translation>Kosinus-Ähnlichkeit der Embeddings, ab der zwei Bilder als dasselbe Bild gelten (gleiche Dateien und Bilder mit gleichem Hash immer)</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Click a row to see its images in the gallery; S relabels the selected ones to the suggestion.</source>
        <translation>Klicken Sie auf eine Zeile, um ihre Bilder in der Galerie zu sehen; S benennt die ausgewählten zum Vorschlag um.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source> · The dataset changed since: find the issues again to update them.</source>
        <translation> · Der Datensatz hat sich seitdem geändert: Probleme erneut finden, um sie zu aktualisieren.</translation>
    </message>
    <message>
        <source>Training %1 models, one per fold…</source>
        <translation>Trainiere %1 Modelle, eines je Fold…</translation>
    </message>
    <message>
        <source>Finding issues…</source>
        <translation>Suche Probleme…</translation>
    </message>
    <message>
        <source>Finding data issues</source>
        <translation>Suche Datenprobleme</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message numerus="yes">
        <source>Label issues: %Ln flagged</source>
        <translation>
            <numerusform>Labelprobleme: %Ln markiert</numerusform>
            <numerusform>Labelprobleme: %Ln markiert</numerusform>
        </translation>
    </message>
    <message>
        <source> (estimated errors: %1)</source>
        <translation> (geschätzte Fehler: %1)</translation>
    </message>
    <message>
        <source>Likely label errors, least confident first</source>
        <translation>Wahrscheinliche Labelfehler, unsicherste zuerst</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate groups: %Ln</source>
        <translation>
            <numerusform>Duplikatgruppen: %Ln</numerusform>
            <numerusform>Duplikatgruppen: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln with different labels)</source>
        <translation>
            <numerusform> (%Ln mit verschiedenen Labels)</numerusform>
            <numerusform> (%Ln mit verschiedenen Labels)</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates, group by group</source>
        <translation>Duplikate, Gruppe für Gruppe</translation>
    </message>
    <message>
        <source>same file</source>
        <translation>gleiche Datei</translation>
    </message>
    <message>
        <source>same picture</source>
        <translation>gleiches Bild</translation>
    </message>
    <message>
        <source>similar embeddings</source>
        <translation>ähnliche Embeddings</translation>
    </message>
    <message numerus="yes">
        <source>%1, labelled %2: %Ln images</source>
        <translation>
            <numerusform>%1, gelabelt %2: %Ln Bild</numerusform>
            <numerusform>%1, gelabelt %2: %Ln Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln images</source>
        <translation>
            <numerusform>%1: %Ln Bild</numerusform>
            <numerusform>%1: %Ln Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outliers: %Ln</source>
        <translation>
            <numerusform>Ausreißer: %Ln</numerusform>
            <numerusform>Ausreißer: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Outliers, farthest first</source>
        <translation>Ausreißer, entfernteste zuerst</translation>
    </message>
    <message numerus="yes">
        <source>%Ln label issue(s)</source>
        <translation>
            <numerusform>%Ln Labelproblem</numerusform>
            <numerusform>%Ln Labelprobleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln duplicate group(s)</source>
        <translation>
            <numerusform>, %Ln Duplikatgruppe</numerusform>
            <numerusform>, %Ln Duplikatgruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln outlier(s)</source>
        <translation>
            <numerusform>, %Ln Ausreißer</numerusform>
            <numerusform>, %Ln Ausreißer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %Ln image(s)</source>
        <translation>
            <numerusform> in %Ln Bild</numerusform>
            <numerusform> in %Ln Bildern</numerusform>
        </translation>
    </message>
    <message>
        <source> · saved search</source>
        <translation> · gespeicherte Suche</translation>
    </message>
    <message>
        <source> · %1 s</source>
        <translation> · %1 s</translation>
    </message>
</context>
<context>
    <name>kiln::DatasetPage</name>
    <message>
        <source>Verify images</source>
        <translation>Bilder prüfen</translation>
    </message>
    <message>
        <source>Move failures to trash</source>
        <translation>Fehlerhafte in den Papierkorb</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>All splits</source>
        <translation>Alle Aufteilungen</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>verification failure</source>
        <translation>Prüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Indexing %1…</source>
        <translation>%1 wird indiziert…</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; images in &lt;b&gt;%2&lt;/b&gt; classes · train %3 · valid %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Bilder in &lt;b&gt;%2&lt;/b&gt; Klassen · Training %3 · Validierung %4</translation>
    </message>
    <message>
        <source> · test %1</source>
        <translation> · Test %1</translation>
    </message>
    <message>
        <source> (split by folder)</source>
        <translation> (Aufteilung nach Ordner)</translation>
    </message>
    <message>
        <source> (random split, %1% valid, seed %2)</source>
        <translation> (zufällige Aufteilung, %1 % Validierung, Seed %2)</translation>
    </message>
    <message>
        <source>&lt;br&gt;No images yet. Put them in one folder per class under %1, or use File → Import.</source>
        <translation>&lt;br&gt;Noch keine Bilder. Bilder in einen Ordner pro Klasse unter %1 legen oder Datei → Importieren verwenden.</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Prüfung läuft</translation>
    </message>
    <message>
        <source>Cancel verify</source>
        <translation>Prüfung abbrechen</translation>
    </message>
    <message>
        <source>Verification cancelled after %1 images: %2 failed so far.</source>
        <translation>Prüfung nach %1 Bildern abgebrochen: bisher %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Verified %1 images in %2 s (%3 images/s): %4 ok, %5 failed.</source>
        <translation>%1 Bilder in %2 s geprüft (%3 Bilder/s): %4 in Ordnung, %5 fehlgeschlagen.</translation>
    </message>
    <message>
        <source> %1 moved to .kiln/trash/ (nothing was deleted).</source>
        <translation> %1 nach .kiln/trash/ verschoben (nichts wurde gelöscht).</translation>
    </message>
</context>
<context>
    <name>kiln::EmbeddingScatter</name>
    <message>
        <source>No layout yet</source>
        <translation>Noch kein Layout</translation>
    </message>
    <message>
        <source>t-SNE of the embeddings</source>
        <translation>t-SNE der Einbettungen</translation>
    </message>
</context>
<context>
    <name>kiln::EmbeddingsTab</name>
    <message>
        <source>Compute t-SNE</source>
        <translation>t-SNE berechnen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Barnes-Hut t-SNE of the model&apos;s penultimate-layer features of the images analysed</source>
        <translation>Barnes-Hut-t-SNE der Merkmale aus der vorletzten Schicht des Modells für die analysierten Bilder</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show every point (wheel zooms, right-drag pans, left-drag selects, Shift adds)</source>
        <translation>Alle Punkte anzeigen (Mausrad zoomt, Ziehen mit rechter Maustaste verschiebt, Ziehen mit linker Maustaste wählt aus, Umschalt fügt hinzu)</translation>
    </message>
    <message>
        <source>Untick a class to hide its points</source>
        <translation>Häkchen bei einer Klasse entfernen, um ihre Punkte auszublenden</translation>
    </message>
    <message>
        <source>Coloured by actual class; ringed points are misclassified. Drag a rectangle to see those images in the gallery.</source>
        <translation>Nach tatsächlicher Klasse eingefärbt; umrandete Punkte sind falsch klassifiziert. Ein Rechteck aufziehen, um diese Bilder in der Galerie zu sehen.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>&lt;img src=&quot;%1&quot; width=&quot;96&quot; height=&quot;96&quot;&gt;&lt;br&gt;actual &lt;b&gt;%2&lt;/b&gt;, predicted &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;loss %4</source>
        <translation>&lt;img src=&quot;%1&quot; width=&quot;96&quot; height=&quot;96&quot;&gt;&lt;br&gt;tatsächlich &lt;b&gt;%2&lt;/b&gt;, vorhergesagt &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;Verlust %4</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message numerus="yes">
        <source>t-SNE of %Ln image(s)…</source>
        <translation>
            <numerusform>t-SNE von %Ln Bild…</numerusform>
            <numerusform>t-SNE von %Ln Bildern…</numerusform>
        </translation>
    </message>
    <message>
        <source>t-SNE of %1 images: KL %2, %3 s</source>
        <translation>t-SNE von %1 Bildern: KL %2, %3 s</translation>
    </message>
    <message>
        <source>Stopped; the layout shows where t-SNE was.</source>
        <translation>Gestoppt; das Layout zeigt den letzten Stand von t-SNE.</translation>
    </message>
    <message>
        <source>Interpret a run, then compute its t-SNE here.</source>
        <translation>Einen Lauf interpretieren und dann hier sein t-SNE berechnen.</translation>
    </message>
    <message>
        <source>t-SNE: iteration %1 of %2, KL %3</source>
        <translation>t-SNE: Iteration %1 von %2, KL %3</translation>
    </message>
    <message>
        <source> · not kept for the run&apos;s report: %1</source>
        <translation> · nicht für den Bericht des Laufs gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ExportPage</name>
    <message>
        <source>Model bundle (.kiln): weights and metadata, for Kiln and PyTorch</source>
        <translation>Modellpaket (.kiln): Gewichte und Metadaten, für Kiln und PyTorch</translation>
    </message>
    <message>
        <source>ONNX (.onnx) with its metadata (.onnx.json), for OpenCV, onnxruntime and others</source>
        <translation>ONNX (.onnx) mit Metadaten (.onnx.json), für OpenCV, onnxruntime und andere</translation>
    </message>
    <message>
        <source>TorchScript (.pt) with its metadata (.pt.json), for torch.jit.load</source>
        <translation>TorchScript (.pt) mit Metadaten (.pt.json), für torch.jit.load</translation>
    </message>
    <message>
        <source>ONNX and TorchScript output probabilities (softmax) instead of logits</source>
        <translation>ONNX und TorchScript geben Wahrscheinlichkeiten (Softmax) statt Logits aus</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Open images…</source>
        <translation>Bilder öffnen…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV speichern…</translation>
    </message>
    <message>
        <source>Export a trained model</source>
        <translation>Trainiertes Modell exportieren</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>Checkpoint:</translation>
    </message>
    <message>
        <source>what the run kept</source>
        <translation>was der Lauf behalten hat</translation>
    </message>
    <message>
        <source>last epoch</source>
        <translation>letzte Epoche</translation>
    </message>
    <message>
        <source>best (lowest validation loss)</source>
        <translation>beste (niedrigster Validierungsverlust)</translation>
    </message>
    <message>
        <source>A keep-best run keeps its best epoch; the last epoch&apos;s weights are there too</source>
        <translation>Ein mit --keep-best trainierter Lauf behält seine beste Epoche; die Gewichte der letzten Epoche sind ebenfalls vorhanden</translation>
    </message>
    <message>
        <source>Into folder:</source>
        <translation>Zielordner:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>a .kiln bundle or an .onnx file (exported above, or chosen)</source>
        <translation>ein .kiln-Paket oder eine .onnx-Datei (oben exportiert oder ausgewählt)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Top classes</source>
        <translation>Wahrscheinlichste Klassen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Drop images or folders here. &quot;Unlike the training images&quot;: the top probability is below the model&apos;s out-of-domain threshold.</source>
        <translation>Bilder oder Ordner hierher ziehen. „Anders als die Trainingsbilder“: Die höchste Wahrscheinlichkeit liegt unter der entsprechenden Schwelle des Modells.</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Models (*.kiln *.onnx)</source>
        <translation>Modelle (*.kiln *.onnx)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Folder of images</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <source>Save predictions</source>
        <translation>Vorhersagen speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Train a model first; its runs are listed here.</source>
        <translation>Zuerst ein Modell trainieren; seine Läufe werden hier aufgelistet.</translation>
    </message>
    <message>
        <source>Exporting and checking…</source>
        <translation>Wird exportiert und geprüft…</translation>
    </message>
    <message>
        <source>✔ %1 (%2): reloaded, it predicts the validation images with accuracy %3.</source>
        <translation>✔ %1 (%2): neu geladen; sagt die Validierungsbilder mit einer Genauigkeit von %3 vorher.</translation>
    </message>
    <message>
        <source>✔ %1 (%2) and its metadata: OpenCV&apos;s dnn module matches LibTorch within %3.</source>
        <translation>✔ %1 (%2) und Metadaten: Das dnn-Modul von OpenCV stimmt mit LibTorch bis auf %3 überein.</translation>
    </message>
    <message>
        <source>✔ %1 (%2) and its metadata: torch::jit::load matches LibTorch within %3.</source>
        <translation>✔ %1 (%2) und Metadaten: torch::jit::load stimmt mit LibTorch bis auf %3 überein.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Zuerst ein Modell auswählen.</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>Vorhersage läuft…</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>unlike the training images (top probability %1)</source>
        <translation>anders als die Trainingsbilder (höchste Wahrscheinlichkeit %1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 unlike the training images · %2 unreadable</source>
        <translation> · %1 anders als die Trainingsbilder · %2 nicht lesbar</translation>
    </message>
    <message>
        <source>Choose a run and the formats, then press Export.</source>
        <translation>Einen Lauf und die Formate wählen, dann auf „Exportieren“ klicken.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>✘ %1: %2</source>
        <translation>✘ %1: %2</translation>
    </message>
    <message>
        <source>Predicting</source>
        <translation>Vorhersage läuft</translation>
    </message>
    <message>
        <source>Save the chosen run as one HTML file to share: its curves, confusion matrix, per-class metrics, top losses, t-SNE and the models exported from it</source>
        <translation>Den gewählten Lauf als eine HTML-Datei zum Weitergeben speichern: Kurven, Konfusionsmatrix, Metriken pro Klasse, größte Verluste, t-SNE und die daraus exportierten Modelle</translation>
    </message>
    <message>
        <source>  (%1)</source>
        <translation>  (%1)</translation>
    </message>
</context>
<context>
    <name>kiln::GalleryDelegate</name>
    <message>
        <source>cannot
decode</source>
        <translation>nicht
dekodierbar</translation>
    </message>
</context>
<context>
    <name>kiln::ImagePreview</name>
    <message>
        <source>Select an image to see it here.</source>
        <translation>Ein Bild auswählen, um es hier anzuzeigen.</translation>
    </message>
    <message>
        <source>Cannot show this image: %1</source>
        <translation>Dieses Bild kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>%1 × %2 px · %3 · %4 split</source>
        <translation>%1 × %2 px · %3 · Aufteilung %4</translation>
    </message>
</context>
<context>
    <name>kiln::KilnApplication</name>
    <message>
        <source>Internal error</source>
        <translation>Interner Fehler</translation>
    </message>
    <message>
        <source>Kiln hit an internal error and carried on:

%1

Save your work; if it happens again, please report it.</source>
        <translation>Kiln ist auf einen internen Fehler gestoßen und hat weitergemacht:

%1

Sichern Sie Ihre Arbeit; falls es wieder passiert, melden Sie es bitte.</translation>
    </message>
</context>
<context>
    <name>kiln::LanguageName</name>
    <message>
        <source>English</source>
        <extracomment>The name of this translation&apos;s language, written in that language (Deutsch, Español).</extracomment>
        <translation>Deutsch</translation>
    </message>
</context>
<context>
    <name>kiln::LossItemModel</name>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>%1 / %2
%3 / %4 / %5</source>
        <translation>%1 / %2
%3 / %4 / %5</translation>
    </message>
    <message>
        <source>%1
predicted %2, actual %3 (%4 split)
loss %5, p(predicted) %6, p(actual) %7</source>
        <translation>%1
vorhergesagt %2, tatsächlich %3 (Aufteilung %4)
Verlust %5, p(predicted) %6, p(actual) %7</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>%1 / %2
S → %3</source>
        <translation>%1 / %2
S → %3</translation>
    </message>
</context>
<context>
    <name>kiln::LrFinderPlot</name>
    <message>
        <source>Press Find to run the learning-rate finder. Then click the curve or a suggestion to use that learning rate.</source>
        <translation>Auf „Suchen“ klicken, um den Lernraten-Finder zu starten. Dann auf die Kurve oder einen Vorschlag klicken, um diese Lernrate zu übernehmen.</translation>
    </message>
    <message>
        <source>learning rate (log scale)</source>
        <translation>Lernrate (log. Skala)</translation>
    </message>
    <message>
        <source>loss (smoothed)</source>
        <translation>Verlust (geglättet)</translation>
    </message>
    <message>
        <source>valley</source>
        <translation>Tal</translation>
    </message>
    <message>
        <source>slide</source>
        <translation>Abhang</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>steep</source>
        <translation>Steilstelle</translation>
    </message>
    <message>
        <source>Suggestions: valley %1 · slide %2 · minimum %3 · steep %4. Click the curve or a suggestion to use it.</source>
        <translation>Vorschläge: Tal %1 · Abhang %2 · Minimum %3 · Steilstelle %4. Auf die Kurve oder einen Vorschlag klicken, um den Wert zu übernehmen.</translation>
    </message>
    <message>
        <source>Too few points for suggestions; use more images or a smaller batch size.</source>
        <translation>Zu wenige Punkte für Vorschläge; mehr Bilder oder eine kleinere Batchgröße verwenden.</translation>
    </message>
</context>
<context>
    <name>kiln::MainWindow</name>
    <message>
        <source>%1 images · %2 classes</source>
        <translation>%1 Bilder · %2 Klassen</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Acquire cancelled: </source>
        <translation>Beschaffung abgebrochen: </translation>
    </message>
    <message>
        <source>Acquire finished: </source>
        <translation>Beschaffung abgeschlossen: </translation>
    </message>
    <message>
        <source>Some edits were not done</source>
        <translation>Einige Änderungen wurden nicht ausgeführt</translation>
    </message>
    <message>
        <source>Cannot interpret the run</source>
        <translation>Lauf kann nicht interpretiert werden</translation>
    </message>
    <message>
        <source>Cannot read the dataset</source>
        <translation>Datensatz kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Acquire</source>
        <translation>Beschaffen</translation>
    </message>
    <message>
        <source>Search the web for images of each class and download them</source>
        <translation>Im Web nach Bildern jeder Klasse suchen und sie herunterladen</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Browse, check and import the images</source>
        <translation>Bilder durchsuchen, prüfen und importieren</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Train a classifier and watch it learn</source>
        <translation>Einen Klassifikator trainieren und ihm beim Lernen zusehen</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <source>Confusion matrix, top losses, and cleaning the data</source>
        <translation>Konfusionsmatrix, größte Verluste und Bereinigung der Daten</translation>
    </message>
    <message>
        <source>Export &amp; Predict</source>
        <translation>Exportieren &amp; Vorhersagen</translation>
    </message>
    <message>
        <source>Export models as bundles or ONNX, and predict images with them</source>
        <translation>Modelle als Pakete oder ONNX exportieren und damit Vorhersagen für Bilder treffen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project (Fashion-MNIST)</source>
        <translation>&amp;Demoprojekt öffnen (Fashion-MNIST)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Image &amp;Folder…</source>
        <translation>Bild&amp;ordner…</translation>
    </message>
    <message>
        <source>&amp;IDX Files (MNIST family)…</source>
        <translation>&amp;IDX-Dateien (MNIST-Familie)…</translation>
    </message>
    <message>
        <source>&amp;CSV (path,label)…</source>
        <translation>&amp;CSV (path,label)…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>Daten&amp;satz</translation>
    </message>
    <message>
        <source>&amp;Rescan</source>
        <translation>&amp;Neu einlesen</translation>
    </message>
    <message>
        <source>&amp;Verify Images</source>
        <translation>Bilder &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The loop&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Acquire&lt;/b&gt;: add class names (one per line with &lt;i&gt;Paste names&lt;/i&gt;), set how many images each class needs, press &lt;i&gt;Start&lt;/i&gt;. Kiln searches the web, downloads in parallel, keeps only whole, decodable, non-duplicate images, and lists every image it did not keep, with the reason. A rerun resumes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dataset&lt;/b&gt;: browse the images by class and split; &lt;i&gt;Verify images&lt;/i&gt; decodes every file and can move broken ones to the trash. File ▸ Import reads image folders, MNIST-style IDX files and CSV lists.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Train&lt;/b&gt;: pick an architecture (simple_cnn for small images, resnet18/34 otherwise), the epochs and the learning rate (or run the learning-rate finder), press &lt;i&gt;Start&lt;/i&gt;. Curves and the metrics table update live; pause, resume or stop at any time.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Analyze&lt;/b&gt;: the confusion matrix (click a cell to see its images), most-confused pairs, per-class metrics and the t-SNE of the model&apos;s features. In the gallery mark images keep (K), delete (Del) or relabel (R), press &lt;i&gt;Apply&lt;/i&gt;; Ctrl+Z undoes. &lt;i&gt;Retrain&lt;/i&gt; trains again on the cleaned data.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export &amp;amp; Predict&lt;/b&gt;: export a run as a bundle, ONNX or TorchScript (each is checked), then drop images on the page to see what the model says.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Every step is also a &lt;tt&gt;kiln-cli&lt;/tt&gt; command: run &lt;tt&gt;kiln-cli --help&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Der Ablauf&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Beschaffen&lt;/b&gt;: Klassennamen hinzufügen (mit &lt;i&gt;Namen einfügen&lt;/i&gt; einer pro Zeile), festlegen, wie viele Bilder jede Klasse braucht, und &lt;i&gt;Starten&lt;/i&gt; drücken. Kiln sucht im Web, lädt parallel herunter, behält nur vollständige, dekodierbare Bilder ohne Duplikate und listet jedes nicht behaltene Bild mit dem Grund auf. Ein erneuter Start setzt dort fort, wo der letzte aufgehört hat.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Datensatz&lt;/b&gt;: Bilder nach Klasse und Aufteilung durchsuchen; &lt;i&gt;Bilder prüfen&lt;/i&gt; dekodiert jede Datei und kann defekte in den Papierkorb verschieben. Datei ▸ Importieren liest Bildordner, IDX-Dateien im MNIST-Stil und CSV-Listen.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Trainieren&lt;/b&gt;: Architektur (simple_cnn für kleine Bilder, sonst resnet18/34), Epochen und Lernrate wählen (oder den Lernraten-Finder ausführen) und &lt;i&gt;Starten&lt;/i&gt; drücken. Kurven und Metriktabelle werden live aktualisiert; jederzeit pausieren, fortsetzen oder stoppen.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Analysieren&lt;/b&gt;: die Konfusionsmatrix (eine Zelle anklicken, um ihre Bilder zu sehen), die am häufigsten verwechselten Paare, Metriken pro Klasse und das t-SNE der Modellmerkmale. In der Galerie Bilder zum Behalten (K), Löschen (Entf) oder Umlabeln (R) markieren und &lt;i&gt;Anwenden&lt;/i&gt; drücken; Strg+Z macht rückgängig. &lt;i&gt;Neu trainieren&lt;/i&gt; trainiert erneut mit den bereinigten Daten.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exportieren &amp;amp; Vorhersagen&lt;/b&gt;: einen Lauf als Paket, ONNX oder TorchScript exportieren (jedes wird geprüft), dann Bilder auf die Seite ziehen, um zu sehen, was das Modell sagt.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Jeder Schritt ist auch ein &lt;tt&gt;kiln-cli&lt;/tt&gt;-Befehl: &lt;tt&gt;kiln-cli --help&lt;/tt&gt; ausführen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New project&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open project&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Rescan the dataset&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;User guide&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;i&gt;Analyze page, in the gallery&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Keep the selected images&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Del&lt;/b&gt; or &lt;b&gt;D&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Mark them for deletion (to the trash)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Relabel them (a menu of classes)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Clear the choice&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Undo / redo an applied edit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom the confusion matrix&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;i&gt;Embeddings&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel&lt;/b&gt;, &lt;b&gt;right-drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom, pan&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Left-drag&lt;/b&gt; (&lt;b&gt;Shift&lt;/b&gt; adds)&lt;/td&gt;&lt;td&gt;Select points; they show in the gallery&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Neues Projekt&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Projekt öffnen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Datensatz neu einlesen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Benutzerhandbuch&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Beenden&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;i&gt;Seite „Analysieren“, in der Galerie&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Ausgewählte Bilder behalten&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Entf&lt;/b&gt; oder &lt;b&gt;D&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zum Löschen markieren (in den Papierkorb)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Umlabeln (ein Menü mit den Klassen)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Auswahl aufheben&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Z&lt;/b&gt; / &lt;b&gt;Strg+Umschalt+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Angewendete Änderung rückgängig machen / wiederholen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Mausrad&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Konfusionsmatrix zoomen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;i&gt;Einbettungen&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mausrad&lt;/b&gt;, &lt;b&gt;Rechts-Ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoomen, verschieben&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Links-Ziehen&lt;/b&gt; (&lt;b&gt;Umschalt&lt;/b&gt; fügt hinzu)&lt;/td&gt;&lt;td&gt;Punkte auswählen; sie erscheinen in der Galerie&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&amp;About Kiln</source>
        <translation>Über &amp;Kiln</translation>
    </message>
    <message>
        <source>About Kiln</source>
        <translation>Über Kiln</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kiln %1&lt;/h3&gt;&lt;p&gt;A desktop studio for building image datasets and training image classifiers.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kiln %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Studio zum Erstellen von Bilddatensätzen und zum Trainieren von Bildklassifikatoren.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>Stop the training run and quit? The checkpoint of the last finished epoch is kept, and the run can be resumed with kiln-cli train --resume.</source>
        <translation>Trainingslauf stoppen und Kiln beenden? Der Checkpoint der letzten abgeschlossenen Epoche bleibt erhalten, und der Lauf kann mit kiln-cli train --resume fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Cannot retrain</source>
        <translation>Neu trainieren nicht möglich</translation>
    </message>
    <message>
        <source>A training run is in progress; stop it first.</source>
        <translation>Ein Trainingslauf ist aktiv; diesen zuerst stoppen.</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Importing the Fashion-MNIST demo (once)</source>
        <translation>Fashion-MNIST-Demo wird importiert (einmalig)</translation>
    </message>
    <message>
        <source>The demo project is ready.</source>
        <translation>Das Demoprojekt ist bereit.</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Another import is still running; wait for it or cancel it.</source>
        <translation>Ein anderer Import läuft noch; warten, bis er fertig ist, oder ihn abbrechen.</translation>
    </message>
    <message>
        <source>The job did not finish</source>
        <translation>Der Vorgang wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>%1 — Kiln</source>
        <translation>%1 — Kiln</translation>
    </message>
    <message>
        <source>Kiln</source>
        <translation>Kiln</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>Create or open a project first (File → New Project).</source>
        <translation>Zuerst ein Projekt erstellen oder öffnen (Datei → Neues Projekt).</translation>
    </message>
    <message>
        <source>Choose or create an empty folder for the new project</source>
        <translation>Leeren Ordner für das neue Projekt wählen oder erstellen</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>Projekt kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Open a Kiln project folder</source>
        <translation>Kiln-Projektordner öffnen</translation>
    </message>
    <message>
        <source>Folder with one sub-folder per class</source>
        <translation>Ordner mit einem Unterordner pro Klasse</translation>
    </message>
    <message>
        <source>Importing images</source>
        <translation>Bilder werden importiert</translation>
    </message>
    <message>
        <source>Copied %1 images in %2 classes.</source>
        <translation>%1 Bilder in %2 Klassen kopiert.</translation>
    </message>
    <message>
        <source> %1 could not be copied; first: %2</source>
        <translation> %1 konnten nicht kopiert werden; erstes Problem: %2</translation>
    </message>
    <message>
        <source>Import IDX files</source>
        <translation>IDX-Dateien importieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>IDX file</source>
        <translation>IDX-Datei</translation>
    </message>
    <message>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)</source>
        <translation>IDX-Dateien (*-ubyte *-ubyte.gz *.idx *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Guess from the file name</source>
        <translation>Aus dem Dateinamen ableiten</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>none (random split)</source>
        <translation>keine (zufällige Aufteilung)</translation>
    </message>
    <message>
        <source>Comma-separated; empty: Fashion-MNIST names or digits</source>
        <translation>Kommagetrennt; leer: Fashion-MNIST-Namen oder Ziffern</translation>
    </message>
    <message>
        <source>Images file:</source>
        <translation>Bilddatei:</translation>
    </message>
    <message>
        <source>Labels file:</source>
        <translation>Label-Datei:</translation>
    </message>
    <message>
        <source>Put into:</source>
        <translation>Ablegen in:</translation>
    </message>
    <message>
        <source>Class names:</source>
        <translation>Klassennamen:</translation>
    </message>
    <message>
        <source>Importing IDX</source>
        <translation>IDX wird importiert</translation>
    </message>
    <message>
        <source>Imported %1 images (%2 were already there).</source>
        <translation>%1 Bilder importiert (%2 waren bereits vorhanden).</translation>
    </message>
    <message>
        <source>CSV file with path,label rows</source>
        <translation>CSV-Datei mit Zeilen der Form path,label</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Folder the CSV&apos;s paths are relative to</source>
        <translation>Ordner, auf den sich die Pfade in der CSV beziehen</translation>
    </message>
    <message>
        <source>Importing CSV</source>
        <translation>CSV wird importiert</translation>
    </message>
    <message>
        <source>Copied %1 images.</source>
        <translation>%1 Bilder kopiert.</translation>
    </message>
    <message>
        <source> %1 rows skipped; first: %2</source>
        <translation> %1 Zeilen übersprungen; erstes Problem: %2</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>%1 Zeilen nach %2 geschrieben</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Kiln shows the new language from its next start. Restart Kiln now?</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Kiln. Kiln jetzt neu starten?</translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation>Das Projekt kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Not a Kiln project yet</source>
        <translation>Noch kein Kiln-Projekt</translation>
    </message>
    <message>
        <source>%1 holds class folders of images but is not a Kiln project.

Make a project for it? Kiln creates the folder %2 beside it for runs and exports; the images stay where they are (the project links to them) and nothing is copied or moved.</source>
        <translation>%1 enthält Klassenordner mit Bildern, ist aber kein Kiln-Projekt.

Ein Projekt dafür anlegen? Kiln legt daneben den Ordner %2 für Läufe und Exporte an; die Bilder bleiben, wo sie sind (das Projekt verweist auf sie), und nichts wird kopiert oder verschoben.</translation>
    </message>
</context>
<context>
    <name>kiln::MetricsTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>train_loss</source>
        <translation>Train-Verlust</translation>
    </message>
    <message>
        <source>valid_loss</source>
        <translation>Valid-Verlust</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>error_rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>kiln::MostConfusedModel</name>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>Predicted as</source>
        <translation>Vorhergesagt als</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Of the class</source>
        <translation>Anteil der Klasse</translation>
    </message>
</context>
<context>
    <name>kiln::PictureExport</name>
    <message>
        <source>There is nothing to export in %1 yet.</source>
        <translation>In %1 gibt es noch nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Could not write %1: check that its folder exists and can be written.</source>
        <translation>%1 konnte nicht geschrieben werden: prüfen, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save this picture as PNG, SVG or PDF, or its data as CSV</source>
        <translation>Dieses Bild als PNG, SVG oder PDF speichern, oder seine Daten als CSV</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>Daten als CSV…</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>kiln::PreferencesDialog</name>
    <message>
        <source>Moderate</source>
        <translation>Moderat</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>Streng</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The GPU when there is one</source>
        <translation>Die GPU, falls vorhanden</translation>
    </message>
    <message>
        <source>Always the CPU</source>
        <translation>Immer die CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>every core (%1)</source>
        <translation>alle Kerne (%1)</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>As the desktop</source>
        <translation>Wie der Desktop</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Training device</source>
        <translation>Trainingsgerät</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <source>Thumbnail cache</source>
        <translation>Miniatur-Cache</translation>
    </message>
    <message>
        <source>Downloads at once (Acquire)</source>
        <translation>Gleichzeitige Downloads (Beschaffen)</translation>
    </message>
    <message>
        <source>Search region (Acquire)</source>
        <translation>Suchregion (Beschaffen)</translation>
    </message>
    <message>
        <source>Safe search (Acquire)</source>
        <translation>SafeSearch (Beschaffen)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Kiln shows a new language from its next start.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Kiln.</translation>
    </message>
    <message>
        <source>Light or dark</source>
        <translation>Hell oder dunkel</translation>
    </message>
    <message>
        <source>Where ImageNet weights download from: torchvision&apos;s site, or a mirror with the same files (KILN_WEIGHTS_URL overrides it)</source>
        <translation>Woher ImageNet-Gewichte geladen werden: die Seite von torchvision oder ein Spiegel mit denselben Dateien (KILN_WEIGHTS_URL hat Vorrang)</translation>
    </message>
    <message>
        <source>Pretrained weights from</source>
        <translation>Vortrainierte Gewichte von</translation>
    </message>
    <message>
        <source>GPU found: %1</source>
        <translation>GPU gefunden: %1</translation>
    </message>
    <message>
        <source>GPU %1 found, but this build of LibTorch has no CUDA: the CPU trains</source>
        <translation>GPU %1 gefunden, aber diese LibTorch-Version hat kein CUDA: die CPU trainiert</translation>
    </message>
    <message>
        <source>No GPU found: the CPU trains, in bf16 mixed precision where it is faster</source>
        <translation>Keine GPU gefunden: die CPU trainiert, in gemischter bf16-Genauigkeit, wo das schneller ist</translation>
    </message>
    <message>
        <source>No GPU found: the CPU trains</source>
        <translation>Keine GPU gefunden: die CPU trainiert</translation>
    </message>
</context>
<context>
    <name>kiln::PreviewStrip</name>
    <message>
        <source>augmentation preview</source>
        <translation>Augmentierungsvorschau</translation>
    </message>
</context>
<context>
    <name>kiln::ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 / %2 %3 · %4/s · %5 left</source>
        <translation>%1 / %2 %3 · %4/s · noch %5</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>%1 of %2 · %3/s · %4 left</source>
        <translation>%1 von %2 · %3/s · noch %4</translation>
    </message>
</context>
<context>
    <name>kiln::ReportButton</name>
    <message>
        <source>Report…</source>
        <translation>Bericht…</translation>
    </message>
    <message>
        <source>Save this run as one HTML file to share: settings, curves, confusion matrix, per-class metrics, top losses</source>
        <translation>Diesen Lauf als eine HTML-Datei zum Weitergeben speichern: Einstellungen, Kurven, Konfusionsmatrix, Metriken pro Klasse, größte Verluste</translation>
    </message>
    <message>
        <source>Save the run report</source>
        <translation>Bericht des Laufs speichern</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Bericht wird geschrieben</translation>
    </message>
    <message>
        <source>Saved the report as %1</source>
        <translation>Bericht gespeichert als %1</translation>
    </message>
</context>
<context>
    <name>kiln::RunCompareModel</name>
    <message>
        <source>%1 differs between the ticked runs</source>
        <translation>%1 unterscheidet sich zwischen den markierten Läufen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Valid loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Best valid loss</source>
        <translation>Bester Validierungsverlust</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>kiln::RunCompareView</name>
    <message>
        <source>Click a column&apos;s title to sort; highlighted settings differ between the ticked runs</source>
        <translation>Zum Sortieren auf einen Spaltentitel klicken; hervorgehobene Einstellungen unterscheiden sich zwischen den markierten Läufen</translation>
    </message>
    <message>
        <source>Runs compared</source>
        <translation>Verglichene Läufe</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>Kurven exportieren</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Tick the runs to draw over each other</source>
        <translation>Die Läufe markieren, die übereinander gezeichnet werden sollen</translation>
    </message>
    <message>
        <source>Runs to compare (tick them):</source>
        <translation>Zu vergleichende Läufe (markieren):</translation>
    </message>
    <message>
        <source>Tick two or more runs in the list to draw their curves over each other and compare their settings.</source>
        <translation>Zwei oder mehr Läufe in der Liste markieren, um ihre Kurven übereinander zu zeichnen und ihre Einstellungen zu vergleichen.</translation>
    </message>
    <message>
        <source>One run ticked: tick another to compare.</source>
        <translation>Ein Lauf markiert: einen weiteren zum Vergleichen markieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n runs compared; highlighted settings differ.</source>
        <translation>
            <numerusform>%n Lauf verglichen; hervorgehobene Einstellungen unterscheiden sich.</numerusform>
            <numerusform>%n Läufe verglichen; hervorgehobene Einstellungen unterscheiden sich.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::RunListModel</name>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 · damaged</source>
        <translation>%1 · beschädigt</translation>
    </message>
    <message>
        <source> · accuracy %1</source>
        <translation> · Genauigkeit %1</translation>
    </message>
    <message>
        <source>%1, %2 epochs, batch %3, %4 px</source>
        <translation>%1, %2 Epochen, Batch %3, %4 px</translation>
    </message>
</context>
<context>
    <name>kiln::RunOverlayPlot</name>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · double-click: fit</source>
        <translation>Mausrad: Zoom · Ziehen: Verschieben · Doppelklick: Einpassen</translation>
    </message>
    <message>
        <source>Runs compared</source>
        <translation>Verglichene Läufe</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>solid: train loss (smoothed) · dashed: valid loss · below: accuracy</source>
        <translation>durchgezogen: Trainingsverlust (geglättet) · gestrichelt: Validierungsverlust · unten: Genauigkeit</translation>
    </message>
</context>
<context>
    <name>kiln::SampleModel</name>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>kiln::TrainPage</name>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>epoch %v / %m</source>
        <translation>Epoche %v / %m</translation>
    </message>
    <message>
        <source>batch %v / %m</source>
        <translation>Batch %v / %m</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <source>Learning-rate finder</source>
        <translation>Lernraten-Finder</translation>
    </message>
    <message>
        <source>stopped; the checkpoint of the last finished epoch is kept</source>
        <translation>gestoppt; der Checkpoint der letzten abgeschlossenen Epoche bleibt erhalten</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source> · accuracy %1</source>
        <translation> · Genauigkeit %1</translation>
    </message>
    <message>
        <source> · early stopping</source>
        <translation> · vorzeitig gestoppt</translation>
    </message>
    <message>
        <source>learning rate set to the valley suggestion; click the curve to pick another</source>
        <translation>Lernrate auf den Vorschlag „Tal“ gesetzt; auf die Kurve klicken, um eine andere zu wählen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Run the learning-rate finder (fastai&apos;s lr_find)</source>
        <translation>Lernraten-Finder ausführen (lr_find von fastai)</translation>
    </message>
    <message>
        <source>Augmentation (training images only)</source>
        <translation>Augmentierung (nur Trainingsbilder)</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Data and device</source>
        <translation>Daten und Gerät</translation>
    </message>
    <message>
        <source>CPU (%1 threads)</source>
        <translation>CPU (%1 Threads)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>No CUDA device was found; training runs on the CPU</source>
        <translation>Kein CUDA-Gerät gefunden; das Training läuft auf der CPU</translation>
    </message>
    <message>
        <source>This dataset is split by its train/valid folders</source>
        <translation>Dieser Datensatz ist durch seine Ordner train/valid aufgeteilt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Finding a learning rate…</source>
        <translation>Lernrate wird gesucht…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>Wird nach diesem Batch gestoppt…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>between batches; Resume continues, Stop ends the run</source>
        <translation>zwischen Batches; „Fortsetzen“ macht weiter, „Stoppen“ beendet den Lauf</translation>
    </message>
    <message>
        <source>%1 images/s · %2 left</source>
        <translation>%1 Bilder/s · noch %2</translation>
    </message>
    <message>
        <source>⚠ The validation loss rose two epochs running while the training loss fell: the model is probably overfitting. Train fewer epochs, add augmentation or data, or keep the best epoch.</source>
        <translation>⚠ Der Validierungsverlust ist zwei Epochen in Folge gestiegen, während der Trainingsverlust gesunken ist: Das Modell ist wahrscheinlich überangepasst (Overfitting). Weniger Epochen trainieren, Augmentierung oder Daten hinzufügen oder die beste Epoche behalten.</translation>
    </message>
    <message>
        <source>showing run %1</source>
        <translation>Lauf %1 wird angezeigt</translation>
    </message>
    <message>
        <source>The GPU when there is one</source>
        <translation>Die GPU, falls vorhanden</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>Weitere Einstellungen</translation>
    </message>
    <message>
        <source>this configuration cannot train: %1</source>
        <translation>mit dieser Konfiguration kann nicht trainiert werden: %1</translation>
    </message>
    <message>
        <source>Downloading weights…</source>
        <translation>Gewichte werden heruntergeladen…</translation>
    </message>
    <message>
        <source>Downloading the ImageNet weights of %1</source>
        <translation>ImageNet-Gewichte von %1 werden heruntergeladen</translation>
    </message>
    <message>
        <source>weights downloaded and checked</source>
        <translation>Gewichte heruntergeladen und geprüft</translation>
    </message>
    <message>
        <source>Runs of this project; click one to see its curves again, tick several to compare them</source>
        <translation>Läufe dieses Projekts; einen anklicken, um seine Kurven wieder zu sehen, mehrere markieren, um sie zu vergleichen</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
</context>
<context>
    <name>kiln::TrainSettings</name>
    <message>
        <source>squish</source>
        <translation>stauchen</translation>
    </message>
    <message>
        <source>crop</source>
        <translation>zuschneiden</translation>
    </message>
    <message>
        <source>pad</source>
        <translation>auffüllen</translation>
    </message>
    <message>
        <source>one-cycle</source>
        <translation>One-Cycle</translation>
    </message>
    <message>
        <source>fine-tune</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <source>fastai</source>
        <translation>fastai</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>cpu</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>cuda</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>The network: simple_cnn for small images, a ResNet for photos</source>
        <translation>Das Netz: simple_cnn für kleine Bilder, ein ResNet für Fotos</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>fastai&apos;s head (pooling, two linear layers with dropout) or one linear layer</source>
        <translation>Der Kopf von fastai (Pooling, zwei lineare Schichten mit Dropout) oder eine lineare Schicht</translation>
    </message>
    <message>
        <source>Pretrained weights</source>
        <translation>Vortrainierte Gewichte</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>Pixels a side the images are resized to; auto: from the data</source>
        <translation>Seitenlänge in Pixeln, auf die die Bilder gebracht werden; automatisch: aus den Daten</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Größe anpassen</translation>
    </message>
    <message>
        <source>How an image becomes square: squish it, crop its centre, or pad it</source>
        <translation>Wie ein Bild quadratisch wird: stauchen, die Mitte ausschneiden oder auffüllen</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Images per training step</source>
        <translation>Bilder pro Trainingsschritt</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Passes over the training images (fine-tune adds its frozen epochs)</source>
        <translation>Durchläufe über die Trainingsbilder (Feinabstimmung fügt ihre eingefrorenen Epochen hinzu)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>fastai&apos;s fit_one_cycle, fine_tune (head first, then everything), or a constant rate</source>
        <translation>fit_one_cycle von fastai, fine_tune (zuerst der Kopf, dann alles) oder eine konstante Rate</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>The peak learning rate; auto: the learning-rate finder&apos;s valley</source>
        <translation>Die höchste Lernrate; automatisch: das Tal des Lernraten-Finders</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Augmentieren</translation>
    </message>
    <message>
        <source>Vary the training images (fastai&apos;s aug_transforms); the option turns it off</source>
        <translation>Die Trainingsbilder variieren (aug_transforms von fastai); die Option schaltet es ab</translation>
    </message>
    <message>
        <source>Min crop scale</source>
        <translation>Min. Ausschnittgröße</translation>
    </message>
    <message>
        <source>Smallest share of the image a random crop keeps; 1: no random crop</source>
        <translation>Kleinster Anteil des Bildes, den ein zufälliger Ausschnitt behält; 1: kein zufälliger Ausschnitt</translation>
    </message>
    <message>
        <source>Flip probability</source>
        <translation>Spiegelungswahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Probability of a horizontal flip</source>
        <translation>Wahrscheinlichkeit einer waagerechten Spiegelung</translation>
    </message>
    <message>
        <source>Max rotation</source>
        <translation>Max. Drehung</translation>
    </message>
    <message>
        <source>Largest rotation, in degrees</source>
        <translation>Größte Drehung, in Grad</translation>
    </message>
    <message>
        <source>Max zoom</source>
        <translation>Max. Zoom</translation>
    </message>
    <message>
        <source>Largest zoom factor</source>
        <translation>Größter Zoomfaktor</translation>
    </message>
    <message>
        <source>Max warp</source>
        <translation>Max. Verzerrung</translation>
    </message>
    <message>
        <source>Largest perspective warp</source>
        <translation>Größte perspektivische Verzerrung</translation>
    </message>
    <message>
        <source>Max lighting</source>
        <translation>Max. Beleuchtung</translation>
    </message>
    <message>
        <source>Largest change of brightness and contrast</source>
        <translation>Größte Änderung von Helligkeit und Kontrast</translation>
    </message>
    <message>
        <source>Valid share</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <source>Share of the images held out for validation (random splits)</source>
        <translation>Anteil der Bilder, der zur Validierung zurückgehalten wird (zufällige Aufteilung)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Seed of the split, the initial weights and the augmentation</source>
        <translation>Seed der Aufteilung, der Anfangsgewichte und der Augmentierung</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>AdamW (fastai&apos;s default) or SGD with momentum</source>
        <translation>AdamW (Standard von fastai) oder SGD mit Momentum</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>Decoupled weight decay</source>
        <translation>Entkoppelte Gewichtsabnahme (Weight Decay)</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>SGD&apos;s momentum with the constant schedule</source>
        <translation>Momentum von SGD beim konstanten Zeitplan</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>Label-Glättung</translation>
    </message>
    <message>
        <source>Share of each label spread over the other classes; 0: off</source>
        <translation>Anteil jedes Labels, der auf die anderen Klassen verteilt wird; 0: aus</translation>
    </message>
    <message>
        <source>Frozen epochs</source>
        <translation>Eingefrorene Epochen</translation>
    </message>
    <message>
        <source>fine-tune: epochs that train the head alone first</source>
        <translation>Feinabstimmung: Epochen, die zuerst nur den Kopf trainieren</translation>
    </message>
    <message>
        <source>Warm-up share</source>
        <translation>Anteil der Aufwärmphase</translation>
    </message>
    <message>
        <source>one-cycle: share of the steps that raise the learning rate</source>
        <translation>One-Cycle: Anteil der Schritte, die die Lernrate erhöhen</translation>
    </message>
    <message>
        <source>Early stop</source>
        <translation>Vorzeitiger Stopp</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a lower validation loss; 0: off</source>
        <translation>Nach so vielen Epochen ohne niedrigeren Validierungsverlust stoppen; 0: aus</translation>
    </message>
    <message>
        <source>Keep best</source>
        <translation>Beste behalten</translation>
    </message>
    <message>
        <source>End with the weights of the epoch with the lowest validation loss</source>
        <translation>Mit den Gewichten der Epoche mit dem niedrigsten Validierungsverlust enden</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>CPU threads for training; auto: every core</source>
        <translation>CPU-Threads für das Training; automatisch: alle Kerne</translation>
    </message>
    <message>
        <source>Loader threads</source>
        <translation>Lade-Threads</translation>
    </message>
    <message>
        <source>Threads that decode and augment images; auto: chosen from the cores</source>
        <translation>Threads, die Bilder dekodieren und augmentieren; automatisch: nach den Kernen gewählt</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Where to train: a CUDA GPU when there is one (auto), or the CPU</source>
        <translation>Wo trainiert wird: auf einer CUDA-GPU, wenn es eine gibt (automatisch), oder auf der CPU</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>1 (gray) or 3 (colour) input channels; auto: from the data</source>
        <translation>1 (grau) oder 3 (farbig) Eingabekanäle; automatisch: aus den Daten</translation>
    </message>
    <message>
        <source>imagenet: torchvision&apos;s ImageNet weights (downloaded once); a torchvision state dict (.pth); or none: train from scratch</source>
        <translation>imagenet: die ImageNet-Gewichte von torchvision (einmal heruntergeladen); ein torchvision-State-Dict (.pth); oder none: von Grund auf trainieren</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit der Rechnung</translation>
    </message>
    <message>
        <source>Mixed precision: auto is bf16 on a CPU with native bf16 where it is faster, fp16 on a GPU, else fp32</source>
        <translation>Gemischte Genauigkeit: automatisch ist bf16 auf einer CPU mit nativem bf16, wo es schneller ist, fp16 auf einer GPU, sonst fp32</translation>
    </message>
</context>
<context>
    <name>kiln::TrainSettingsForm</name>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
</context>
<context>
    <name>kiln::TrainingPlot</name>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>train loss (batch)</source>
        <translation>Train-Verlust (Batch)</translation>
    </message>
    <message>
        <source>train loss (smoothed)</source>
        <translation>Train-Verlust (geglättet)</translation>
    </message>
    <message>
        <source>valid loss</source>
        <translation>Valid-Verlust</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · double-click: follow the data again</source>
        <translation>Mausrad: zoomen · Ziehen: verschieben · Doppelklick: wieder den Daten folgen</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>kiln::VerifyFailureModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>kein Bild</translation>
    </message>
    <message>
        <source>zero bytes</source>
        <translation>null Bytes</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>zu groß</translation>
    </message>
    <message>
        <source>unsupported format</source>
        <translation>nicht unterstütztes Format</translation>
    </message>
    <message>
        <source>%1 (moved to trash)</source>
        <translation>%1 (in den Papierkorb verschoben)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>kiln::WeightsChooser</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>ImageNet (torchvision)</source>
        <translation>ImageNet (torchvision)</translation>
    </message>
    <message>
        <source>A file…</source>
        <translation>Eine Datei…</translation>
    </message>
    <message>
        <source>None: train from scratch</source>
        <translation>Keine: von Grund auf trainieren</translation>
    </message>
    <message>
        <source>a torchvision state dict (.pth)</source>
        <translation>ein torchvision-State-Dict (.pth)</translation>
    </message>
    <message>
        <source>torchvision state dict</source>
        <translation>torchvision-State-Dict</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt)</source>
        <translation>PyTorch-Gewichte (*.pth *.pt)</translation>
    </message>
    <message>
        <source>No ImageNet weights for %1: it trains from scratch.</source>
        <translation>Keine ImageNet-Gewichte für %1: es wird von Grund auf trainiert.</translation>
    </message>
    <message>
        <source>%1 M parameters, %2 % top-1 on ImageNet.</source>
        <translation>%1 Mio. Parameter, %2 % Top-1 auf ImageNet.</translation>
    </message>
    <message>
        <source>Its weights are in the cache (%1).</source>
        <translation>Seine Gewichte liegen im Cache (%1).</translation>
    </message>
    <message>
        <source>Start downloads its weights once (about %1).</source>
        <translation>„Starten“ lädt seine Gewichte einmal herunter (etwa %1).</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>schnell</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>langsam</translation>
    </message>
    <message>
        <source>On a CPU: %1, about %2× resnet18&apos;s training speed.</source>
        <translation>Auf einer CPU: %1, etwa %2× so schnell im Training wie resnet18.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kiln: build image datasets and train image classifiers.</source>
        <translation>Kiln: Bilddatensätze erstellen und Bildklassifikatoren trainieren.</translation>
    </message>
    <message>
        <source>A Kiln project folder to open.</source>
        <translation>Zu öffnender Kiln-Projektordner.</translation>
    </message>
    <message>
        <source>Open the Fashion-MNIST demo project (imported once).</source>
        <translation>Das Fashion-MNIST-Demoprojekt öffnen (wird einmalig importiert).</translation>
    </message>
    <message>
        <source>Show Kiln in this language for this run (en, de, es; default: Preferences, else the system&apos;s).</source>
        <translation>Kiln bei diesem Aufruf in dieser Sprache anzeigen (en, de, es; Standard: Einstellungen, sonst die Systemsprache).</translation>
    </message>
</context>
</TS>
