<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>kiln::AcquirePage</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Search query</source>
        <translation>Consulta de búsqueda</translation>
    </message>
    <message>
        <source>Images wanted</source>
        <translation>Imágenes deseadas</translation>
    </message>
    <message>
        <source>Any size</source>
        <translation>Cualquier tamaño</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>Pequeño</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mediano</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Wallpaper</source>
        <translation>Fondo de pantalla</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Cualquier tipo</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Clip art</source>
        <translation>Imágenes prediseñadas</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>GIF animado</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>Transparente</translation>
    </message>
    <message>
        <source>Line drawing</source>
        <translation>Dibujo lineal</translation>
    </message>
    <message>
        <source>Any layout</source>
        <translation>Cualquier formato</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Cuadrado</translation>
    </message>
    <message>
        <source>Tall</source>
        <translation>Vertical</translation>
    </message>
    <message>
        <source>Wide</source>
        <translation>Horizontal</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontradas</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Descargadas</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Why it was not kept</source>
        <translation>Por qué no se conservó</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <source>One row per class. The query defaults to the class name plus the suffix.</source>
        <translation>Una fila por clase. Por defecto, la consulta es el nombre de la clase más el sufijo.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Paste names</source>
        <translation>Pegar nombres</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Type class names, one per line</source>
        <translation>Escribir nombres de clase, uno por línea</translation>
    </message>
    <message>
        <source>Add the class names on the clipboard, one per line</source>
        <translation>Añadir los nombres de clase del portapapeles, uno por línea</translation>
    </message>
    <message>
        <source>Search and download</source>
        <translation>Búsqueda y descarga</translation>
    </message>
    <message>
        <source>e.g. photo</source>
        <translation>p. ej., foto</translation>
    </message>
    <message>
        <source>keep the original size</source>
        <translation>conservar el tamaño original</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Query suffix</source>
        <translation>Sufijo de la consulta</translation>
    </message>
    <message>
        <source>Images per new class</source>
        <translation>Imágenes por clase nueva</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Safe search</source>
        <translation>Búsqueda segura</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Downscale to at most</source>
        <translation>Reducir como máximo a</translation>
    </message>
    <message>
        <source>Downloads at once</source>
        <translation>Descargas simultáneas</translation>
    </message>
    <message>
        <source>The image-search service (DuckDuckGo&apos;s protocol); point it at a proxy or a test server</source>
        <translation>El servicio de búsqueda de imágenes (protocolo de DuckDuckGo); se puede dirigir a un proxy o a un servidor de pruebas</translation>
    </message>
    <message>
        <source>Search service</source>
        <translation>Servicio de búsqueda</translation>
    </message>
    <message>
        <source>The newest images, as they arrive</source>
        <translation>Las imágenes más recientes, a medida que llegan</translation>
    </message>
    <message>
        <source>Empty: the class name plus the query suffix</source>
        <translation>Vacía: el nombre de la clase más el sufijo de la consulta</translation>
    </message>
    <message>
        <source>Add classes</source>
        <translation>Añadir clases</translation>
    </message>
    <message>
        <source>Class names, one per line:</source>
        <translation>Nombres de clase, uno por línea:</translation>
    </message>
    <message>
        <source>Add the classes you want, then Start. Images land in the project&apos;s class folders.</source>
        <translation>Añadir las clases deseadas y pulsar Iniciar. Las imágenes se guardan en las carpetas de clase del proyecto.</translation>
    </message>
    <message>
        <source>(the search)</source>
        <translation>(la búsqueda)</translation>
    </message>
    <message>
        <source>%1 (+%2 there)</source>
        <translation>%1 (+%2 ya existentes)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>done: the search ran out of usable images (%1 of %2)</source>
        <translation>terminado: la búsqueda se quedó sin imágenes utilizables (%1 de %2)</translation>
    </message>
    <message>
        <source>downloading (%1)</source>
        <translation>descargando (%1)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>%1 of %2 images · %3 images/s · %4 left · %5 not kept</source>
        <translation>%1 de %2 imágenes · %3 imágenes/s · quedan %4 · %5 descartadas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Open or create a project first</source>
        <translation>Primero hay que abrir o crear un proyecto</translation>
    </message>
</context>
<context>
    <name>kiln::AnalyzePage</name>
    <message>
        <source>Interpret</source>
        <translation>Interpretar</translation>
    </message>
    <message>
        <source>Normalise rows</source>
        <translation>Normalizar filas</translation>
    </message>
    <message>
        <source>Mistakes only</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Retrain…</source>
        <translation>Reentrenar…</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Ejecución:</translation>
    </message>
    <message>
        <source>The trained run to interpret</source>
        <translation>La ejecución entrenada que se va a interpretar</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Partición:</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validación</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambas</translation>
    </message>
    <message>
        <source>Which images to predict and analyse</source>
        <translation>Qué imágenes predecir y analizar</translation>
    </message>
    <message>
        <source>Colour each row by its share of the class (recall on the diagonal) instead of by count</source>
        <translation>Colorear cada fila según su proporción dentro de la clase (exhaustividad en la diagonal) en lugar de por recuento</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Alejar (Ctrl+rueda)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Acercar (Ctrl+rueda)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit the matrix to the window</source>
        <translation>Ajustar la matriz a la ventana</translation>
    </message>
    <message>
        <source>Click a cell to see its images, sorted by loss.</source>
        <translation>Hacer clic en una celda para ver sus imágenes, ordenadas por pérdida.</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <source>Most confused</source>
        <translation>Más confundidas</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Por clase</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Incrustaciones (embeddings)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todas</translation>
    </message>
    <message>
        <source>Every image of the split, largest loss first</source>
        <translation>Todas las imágenes de la partición, de mayor a menor pérdida</translation>
    </message>
    <message>
        <source>Actual:</source>
        <translation>Real:</translation>
    </message>
    <message>
        <source>Predicted:</source>
        <translation>Predicha:</translation>
    </message>
    <message>
        <source>Under each image: predicted / actual, then loss / p(predicted) / p(actual). Mark with K (keep), Del (delete), R (relabel), then Apply.</source>
        <translation>Bajo cada imagen: predicha / real, y después pérdida / p(predicted) / p(actual). Marcar con K (conservar), Supr (eliminar), R (reetiquetar) y luego pulsar Aplicar.</translation>
    </message>
    <message>
        <source>Move the images marked delete to the trash and the ones marked relabel to their new class</source>
        <translation>Mover las imágenes marcadas para eliminar a la papelera y las marcadas para reetiquetar a su nueva clase</translation>
    </message>
    <message>
        <source>Undo the last edit of the dataset (Ctrl+Z)</source>
        <translation>Deshacer el último cambio del conjunto de datos (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Rehacer (Ctrl+Mayús+Z)</translation>
    </message>
    <message>
        <source>Train a new run with this run&apos;s configuration on the cleaned data</source>
        <translation>Entrenar una nueva ejecución con la configuración de esta sobre los datos limpios</translation>
    </message>
    <message>
        <source>Train a model, then interpret its run here.</source>
        <translation>Entrenar un modelo y luego interpretar aquí su ejecución.</translation>
    </message>
    <message>
        <source>Choose a run and press Interpret.</source>
        <translation>Elegir una ejecución y pulsar Interpretar.</translation>
    </message>
    <message>
        <source>No runs yet: train a model on the Train page first.</source>
        <translation>Aún no hay ejecuciones: primero hay que entrenar un modelo en la página Entrenar.</translation>
    </message>
    <message>
        <source>Predicting</source>
        <translation>Prediciendo</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>Prediciendo…</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Cualquier clase</translation>
    </message>
    <message>
        <source>Accuracy %1 (%2 of %3 images), macro F1 %4</source>
        <translation>Exactitud %1 (%2 de %3 imágenes), F1 macro %4</translation>
    </message>
    <message>
        <source> · saved predictions</source>
        <translation> · predicciones guardadas</translation>
    </message>
    <message>
        <source> · predicted in %1 s</source>
        <translation> · predicción en %1 s</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln image(s) did not decode</source>
        <translation>
            <numerusform> · %Ln imagen no se pudo decodificar</numerusform>
            <numerusform> · %Ln imágenes no se pudieron decodificar</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected in the embeddings</source>
        <translation>Seleccionadas en las incrustaciones</translation>
    </message>
    <message>
        <source>%1 predicted as %2</source>
        <translation>Real: %1, predicha: %2</translation>
    </message>
    <message>
        <source>Actual %1</source>
        <translation>Real: %1</translation>
    </message>
    <message>
        <source>Predicted as %1</source>
        <translation>Predicha: %1</translation>
    </message>
    <message>
        <source>Top losses</source>
        <translation>Mayores pérdidas</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln image(s), largest loss first</source>
        <translation>
            <numerusform>%1 · %Ln imagen, de mayor a menor pérdida</numerusform>
            <numerusform>%1 · %Ln imágenes, de mayor a menor pérdida</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked: %1 delete, %2 relabel, %3 keep</source>
        <translation>Marcadas: %1 para eliminar, %2 para reetiquetar, %3 para conservar</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Deshacer: %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nada que deshacer</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>Rehacer: %1 (Ctrl+Mayús+Z)</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nada que rehacer</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln image(s) moved</source>
        <translation>
            <numerusform>%1: %Ln imagen movida</numerusform>
            <numerusform>%1: %Ln imágenes movidas</numerusform>
        </translation>
    </message>
    <message>
        <source>; not done: %1</source>
        <translation>; no realizado: %1</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (y %1 más)</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Aplicado</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Deshecho</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Rehecho</translation>
    </message>
    <message>
        <source>Data issues</source>
        <translation>Problemas de datos</translation>
    </message>
    <message>
        <source>K keep · Delete or D delete · R relabel · S relabel to the suggestion · U clear the choice · right-click for every class</source>
        <translation>K conservar · Supr o D eliminar · R reetiquetar · S reetiquetar a la sugerencia · U quitar la elección · clic derecho para cada clase</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln image(s)</source>
        <translation>
            <numerusform>%1 · %Ln imagen</numerusform>
            <numerusform>%1 · %Ln imágenes</numerusform>
        </translation>
    </message>
    <message>
        <source>Likely label errors, least confident first</source>
        <translation>Errores de etiqueta probables, los menos seguros primero</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <source>Export images</source>
        <translation>Exportar imágenes</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Comparar ejecuciones</translation>
    </message>
    <message>
        <source>Two runs per class</source>
        <translation>Dos ejecuciones por clase</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>exhaustividad</translation>
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
        <translation>pérdida %1 · p %2</translation>
    </message>
    <message>
        <source>Chosen images</source>
        <translation>Imágenes elegidas</translation>
    </message>
</context>
<context>
    <name>kiln::ClassBalanceChart</name>
    <message>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>validación</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>images</source>
        <translation>imágenes</translation>
    </message>
</context>
<context>
    <name>kiln::ClassBarChart</name>
    <message>
        <source>Interpret a run to see its per-class metrics</source>
        <translation>Interpreta una ejecución para ver sus métricas por clase</translation>
    </message>
    <message>
        <source>Per-class metrics</source>
        <translation>Métricas por clase</translation>
    </message>
</context>
<context>
    <name>kiln::ClassCompareModel</name>
    <message>
        <source>This run has no class %1</source>
        <translation>Esta ejecución no tiene la clase %1</translation>
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
        <translation>Clase</translation>
    </message>
    <message>
        <source>Precision %1</source>
        <translation>Precisión %1</translation>
    </message>
    <message>
        <source>Recall %1</source>
        <translation>Exhaustividad %1</translation>
    </message>
    <message>
        <source>F1 %1</source>
        <translation>F1 %1</translation>
    </message>
    <message>
        <source>F1 change</source>
        <translation>Cambio de F1</translation>
    </message>
    <message>
        <source>Images %1</source>
        <translation>Imágenes %1</translation>
    </message>
</context>
<context>
    <name>kiln::ClassComparePanel</name>
    <message>
        <source>Compare per class</source>
        <translation>Comparar por clase</translation>
    </message>
    <message>
        <source>Run B, compared with the run interpreted above (A)</source>
        <translation>Ejecución B, comparada con la ejecución interpretada arriba (A)</translation>
    </message>
    <message>
        <source>Per-class metrics of two runs</source>
        <translation>Métricas por clase de dos ejecuciones</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exportar tabla</translation>
    </message>
    <message>
        <source>Interpret a run, choose run B, and press Compare per class.</source>
        <translation>Interpreta una ejecución, elige la ejecución B y pulsa Comparar por clase.</translation>
    </message>
    <message>
        <source>Predicting %1…</source>
        <translation>Prediciendo %1…</translation>
    </message>
    <message>
        <source>Predicting run B</source>
        <translation>Prediciendo la ejecución B</translation>
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
        <translation>F1 por clase</translation>
    </message>
    <message numerus="yes">
        <source>A %1: accuracy %2 · B %3: accuracy %4 on %n images</source>
        <translation>
            <numerusform>A %1: exactitud %2 · B %3: exactitud %4 en %n imagen</numerusform>
            <numerusform>A %1: exactitud %2 · B %3: exactitud %4 en %n imágenes</numerusform>
        </translation>
    </message>
    <message>
        <source>The runs&apos; classes differ; they are matched by name.</source>
        <translation>Las clases de las ejecuciones difieren; se emparejan por nombre.</translation>
    </message>
    <message>
        <source>Run B:</source>
        <translation>Ejecución B:</translation>
    </message>
</context>
<context>
    <name>kiln::ClassCurvesPlot</name>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Precision-recall</source>
        <translation>Precisión-exhaustividad</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Interpret a run to see each class&apos;s precision-recall and ROC curves.</source>
        <translation>Interpreta una ejecución para ver las curvas de precisión-exhaustividad y ROC de cada clase.</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>exhaustividad</translation>
    </message>
    <message>
        <source>false-positive rate</source>
        <translation>tasa de falsos positivos</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>true-positive rate</source>
        <translation>tasa de verdaderos positivos</translation>
    </message>
    <message numerus="yes">
        <source>%1: average precision %2 · ROC AUC %3 · %Ln image(s) of the class</source>
        <translation>
            <numerusform>%1: precisión media %2 · AUC ROC %3 · %Ln imagen de la clase</numerusform>
            <numerusform>%1: precisión media %2 · AUC ROC %3 · %Ln imágenes de la clase</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> among %Ln</source>
        <translation>
            <numerusform> entre %Ln</numerusform>
            <numerusform> entre %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>threshold %1: precision %2, recall %3</source>
        <translation>umbral %1: precisión %2, exhaustividad %3</translation>
    </message>
    <message>
        <source>threshold %1: true-positive rate %2, false-positive rate %3</source>
        <translation>umbral %1: tasa de verdaderos positivos %2, tasa de falsos positivos %3</translation>
    </message>
    <message>
        <source>Per-class curves</source>
        <translation>Curvas por clase</translation>
    </message>
</context>
<context>
    <name>kiln::ClassMetricsModel</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Exhaustividad</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
</context>
<context>
    <name>kiln::ClassTableModel</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Validación</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
</context>
<context>
    <name>kiln::CleanerActions</name>
    <message>
        <source>Keep	K</source>
        <translation>Conservar	K</translation>
    </message>
    <message>
        <source>Delete	Del</source>
        <translation>Eliminar	Supr</translation>
    </message>
    <message>
        <source>Relabel to the suggestion (%1)	S</source>
        <translation>Reetiquetar a la sugerencia (%1)	S</translation>
    </message>
    <message>
        <source>Relabel to</source>
        <translation>Reetiquetar como</translation>
    </message>
    <message>
        <source>Clear choice	U</source>
        <translation>Borrar elección	U</translation>
    </message>
</context>
<context>
    <name>kiln::ConfusionMatrixCanvas</name>
    <message>
        <source>Predicted</source>
        <translation>Predicha</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
</context>
<context>
    <name>kiln::ConfusionMatrixModel</name>
    <message>
        <source>Actual %1, predicted %2
%3 of %4 images (%5%)</source>
        <translation>Real %1, predicha %2
%3 de %4 imágenes (%5%)</translation>
    </message>
</context>
<context>
    <name>kiln::ContactSheet</name>
    <message>
        <source>cannot be read</source>
        <translation>no se puede leer</translation>
    </message>
</context>
<context>
    <name>kiln::DataIssuesTab</name>
    <message>
        <source>Find issues</source>
        <translation>Buscar problemas</translation>
    </message>
    <message>
        <source>Fast (embeddings)</source>
        <translation>Rápido (embeddings)</translation>
    </message>
    <message>
        <source>Thorough (retrain per fold)</source>
        <translation>Exhaustivo (reentrenar por fold)</translation>
    </message>
    <message>
        <source>Fast: a small head trained per fold on the run&apos;s frozen embeddings, seconds. Thorough: one model per fold trained with the run&apos;s settings, minutes; a stopped search resumes.</source>
        <translation>Rápido: una cabeza pequeña entrenada por fold sobre los embeddings congelados de la ejecución, segundos. Exhaustivo: un modelo por fold entrenado con la configuración de la ejecución, minutos; una búsqueda detenida se reanuda.</translation>
    </message>
    <message>
        <source> folds</source>
        <translation> folds</translation>
    </message>
    <message>
        <source>Each image is judged by a model that did not train on it: the images are dealt into this many folds</source>
        <translation>Cada imagen la juzga un modelo que no se entrenó con ella: las imágenes se reparten en tantos folds</translation>
    </message>
    <message>
        <source>Finds labels that are likely wrong (confident learning on out-of-sample predictions), near-duplicates and outliers in every image of the run&apos;s dataset.</source>
        <translation>Encuentra etiquetas probablemente erróneas (aprendizaje confiado sobre predicciones fuera de muestra), casi duplicados y valores atípicos en todas las imágenes del conjunto de la ejecución.</translation>
    </message>
    <message>
        <source>Duplicates at similarity:</source>
        <translation>Duplicados desde similitud:</translation>
    </message>
    <message>
        <source>Cosine similarity of the embeddings above which two images count as the same picture (identical files and pictures with the same hash always do)</source>
        <translation>Similitud coseno de los embeddings a partir de la cual dos imágenes cuentan como la misma (los archivos idénticos y las imágenes con el mismo hash siempre)</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Sugerida</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Click a row to see its images in the gallery; S relabels the selected ones to the suggestion.</source>
        <translation>Haga clic en una fila para ver sus imágenes en la galería; S reetiqueta las seleccionadas a la sugerencia.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source> · The dataset changed since: find the issues again to update them.</source>
        <translation> · El conjunto cambió desde entonces: busque los problemas de nuevo para actualizarlos.</translation>
    </message>
    <message>
        <source>Training %1 models, one per fold…</source>
        <translation>Entrenando %1 modelos, uno por fold…</translation>
    </message>
    <message>
        <source>Finding issues…</source>
        <translation>Buscando problemas…</translation>
    </message>
    <message>
        <source>Finding data issues</source>
        <translation>Buscando problemas de datos</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message numerus="yes">
        <source>Label issues: %Ln flagged</source>
        <translation>
            <numerusform>Problemas de etiqueta: %Ln marcado</numerusform>
            <numerusform>Problemas de etiqueta: %Ln marcados</numerusform>
        </translation>
    </message>
    <message>
        <source> (estimated errors: %1)</source>
        <translation> (errores estimados: %1)</translation>
    </message>
    <message>
        <source>Likely label errors, least confident first</source>
        <translation>Errores de etiqueta probables, los menos seguros primero</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate groups: %Ln</source>
        <translation>
            <numerusform>Grupos de duplicados: %Ln</numerusform>
            <numerusform>Grupos de duplicados: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln with different labels)</source>
        <translation>
            <numerusform> (%Ln con etiquetas distintas)</numerusform>
            <numerusform> (%Ln con etiquetas distintas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates, group by group</source>
        <translation>Duplicados, grupo a grupo</translation>
    </message>
    <message>
        <source>same file</source>
        <translation>mismo archivo</translation>
    </message>
    <message>
        <source>same picture</source>
        <translation>misma imagen</translation>
    </message>
    <message>
        <source>similar embeddings</source>
        <translation>embeddings similares</translation>
    </message>
    <message numerus="yes">
        <source>%1, labelled %2: %Ln images</source>
        <translation>
            <numerusform>%1, etiquetadas %2: %Ln imagen</numerusform>
            <numerusform>%1, etiquetadas %2: %Ln imágenes</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln images</source>
        <translation>
            <numerusform>%1: %Ln imagen</numerusform>
            <numerusform>%1: %Ln imágenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outliers: %Ln</source>
        <translation>
            <numerusform>Atípicos: %Ln</numerusform>
            <numerusform>Atípicos: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Outliers, farthest first</source>
        <translation>Atípicos, los más lejanos primero</translation>
    </message>
    <message numerus="yes">
        <source>%Ln label issue(s)</source>
        <translation>
            <numerusform>%Ln problema de etiqueta</numerusform>
            <numerusform>%Ln problemas de etiqueta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln duplicate group(s)</source>
        <translation>
            <numerusform>, %Ln grupo de duplicados</numerusform>
            <numerusform>, %Ln grupos de duplicados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln outlier(s)</source>
        <translation>
            <numerusform>, %Ln atípico</numerusform>
            <numerusform>, %Ln atípicos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %Ln image(s)</source>
        <translation>
            <numerusform> en %Ln imagen</numerusform>
            <numerusform> en %Ln imágenes</numerusform>
        </translation>
    </message>
    <message>
        <source> · saved search</source>
        <translation> · búsqueda guardada</translation>
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
        <translation>Verificar imágenes</translation>
    </message>
    <message>
        <source>Move failures to trash</source>
        <translation>Mover fallidas a la papelera</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Partición:</translation>
    </message>
    <message>
        <source>All splits</source>
        <translation>Todas las particiones</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Validación</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>verification failure</source>
        <translation>fallo de verificación</translation>
    </message>
    <message>
        <source>Indexing %1…</source>
        <translation>Indexando %1…</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Todas las clases</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; images in &lt;b&gt;%2&lt;/b&gt; classes · train %3 · valid %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; imágenes en &lt;b&gt;%2&lt;/b&gt; clases · entrenamiento %3 · validación %4</translation>
    </message>
    <message>
        <source> · test %1</source>
        <translation> · prueba %1</translation>
    </message>
    <message>
        <source> (split by folder)</source>
        <translation> (partición por carpeta)</translation>
    </message>
    <message>
        <source> (random split, %1% valid, seed %2)</source>
        <translation> (partición aleatoria, %1% validación, semilla %2)</translation>
    </message>
    <message>
        <source>&lt;br&gt;No images yet. Put them in one folder per class under %1, or use File → Import.</source>
        <translation>&lt;br&gt;Aún no hay imágenes. Colocarlas en una carpeta por clase dentro de %1, o usar Archivo → Importar.</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <source>Cancel verify</source>
        <translation>Cancelar verificación</translation>
    </message>
    <message>
        <source>Verification cancelled after %1 images: %2 failed so far.</source>
        <translation>Verificación cancelada tras %1 imágenes: %2 fallidas hasta ahora.</translation>
    </message>
    <message>
        <source>Verified %1 images in %2 s (%3 images/s): %4 ok, %5 failed.</source>
        <translation>%1 imágenes verificadas en %2 s (%3 imágenes/s): %4 correctas, %5 fallidas.</translation>
    </message>
    <message>
        <source> %1 moved to .kiln/trash/ (nothing was deleted).</source>
        <translation> %1 movidas a .kiln/trash/ (no se eliminó nada).</translation>
    </message>
</context>
<context>
    <name>kiln::EmbeddingScatter</name>
    <message>
        <source>No layout yet</source>
        <translation>Aún no hay gráfico</translation>
    </message>
    <message>
        <source>t-SNE of the embeddings</source>
        <translation>t-SNE de los embeddings</translation>
    </message>
</context>
<context>
    <name>kiln::EmbeddingsTab</name>
    <message>
        <source>Compute t-SNE</source>
        <translation>Calcular t-SNE</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Barnes-Hut t-SNE of the model&apos;s penultimate-layer features of the images analysed</source>
        <translation>t-SNE de Barnes-Hut de las características de la penúltima capa del modelo para las imágenes analizadas</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Show every point (wheel zooms, right-drag pans, left-drag selects, Shift adds)</source>
        <translation>Mostrar todos los puntos (rueda: zoom; arrastrar con botón derecho: desplazar; arrastrar con botón izquierdo: seleccionar; Mayús: añadir)</translation>
    </message>
    <message>
        <source>Untick a class to hide its points</source>
        <translation>Desmarcar una clase para ocultar sus puntos</translation>
    </message>
    <message>
        <source>Coloured by actual class; ringed points are misclassified. Drag a rectangle to see those images in the gallery.</source>
        <translation>Color según la clase real; los puntos con anillo están mal clasificados. Arrastrar un rectángulo para ver esas imágenes en la galería.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>&lt;img src=&quot;%1&quot; width=&quot;96&quot; height=&quot;96&quot;&gt;&lt;br&gt;actual &lt;b&gt;%2&lt;/b&gt;, predicted &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;loss %4</source>
        <translation>&lt;img src=&quot;%1&quot; width=&quot;96&quot; height=&quot;96&quot;&gt;&lt;br&gt;real &lt;b&gt;%2&lt;/b&gt;, predicha &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;pérdida %4</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message numerus="yes">
        <source>t-SNE of %Ln image(s)…</source>
        <translation>
            <numerusform>t-SNE de %Ln imagen…</numerusform>
            <numerusform>t-SNE de %Ln imágenes…</numerusform>
        </translation>
    </message>
    <message>
        <source>t-SNE of %1 images: KL %2, %3 s</source>
        <translation>t-SNE de %1 imágenes: KL %2, %3 s</translation>
    </message>
    <message>
        <source>Stopped; the layout shows where t-SNE was.</source>
        <translation>Detenido; el gráfico muestra el punto en que quedó t-SNE.</translation>
    </message>
    <message>
        <source>Interpret a run, then compute its t-SNE here.</source>
        <translation>Interpretar una ejecución y luego calcular aquí su t-SNE.</translation>
    </message>
    <message>
        <source>t-SNE: iteration %1 of %2, KL %3</source>
        <translation>t-SNE: iteración %1 de %2, KL %3</translation>
    </message>
    <message>
        <source> · not kept for the run&apos;s report: %1</source>
        <translation> · no se guardó para el informe de la ejecución: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ExportPage</name>
    <message>
        <source>Model bundle (.kiln): weights and metadata, for Kiln and PyTorch</source>
        <translation>Paquete de modelo (.kiln): pesos y metadatos, para Kiln y PyTorch</translation>
    </message>
    <message>
        <source>ONNX (.onnx) with its metadata (.onnx.json), for OpenCV, onnxruntime and others</source>
        <translation>ONNX (.onnx) con sus metadatos (.onnx.json), para OpenCV, onnxruntime y otros</translation>
    </message>
    <message>
        <source>TorchScript (.pt) with its metadata (.pt.json), for torch.jit.load</source>
        <translation>TorchScript (.pt) con sus metadatos (.pt.json), para torch.jit.load</translation>
    </message>
    <message>
        <source>ONNX and TorchScript output probabilities (softmax) instead of logits</source>
        <translation>ONNX y TorchScript devuelven probabilidades (softmax) en lugar de logits</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Open images…</source>
        <translation>Abrir imágenes…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Abrir carpeta…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Guardar CSV…</translation>
    </message>
    <message>
        <source>Export a trained model</source>
        <translation>Exportar un modelo entrenado</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Ejecución:</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>Punto de control:</translation>
    </message>
    <message>
        <source>what the run kept</source>
        <translation>el que conservó la ejecución</translation>
    </message>
    <message>
        <source>last epoch</source>
        <translation>última época</translation>
    </message>
    <message>
        <source>best (lowest validation loss)</source>
        <translation>mejor época (menor pérdida de validación)</translation>
    </message>
    <message>
        <source>A keep-best run keeps its best epoch; the last epoch&apos;s weights are there too</source>
        <translation>Una ejecución que conserva la mejor época guarda esa época; los pesos de la última época también están disponibles</translation>
    </message>
    <message>
        <source>Into folder:</source>
        <translation>En la carpeta:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predecir</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>a .kiln bundle or an .onnx file (exported above, or chosen)</source>
        <translation>un paquete .kiln o un archivo .onnx (exportado arriba o elegido)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Top classes</source>
        <translation>Clases más probables</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Drop images or folders here. &quot;Unlike the training images&quot;: the top probability is below the model&apos;s out-of-domain threshold.</source>
        <translation>Soltar aquí imágenes o carpetas. «Distinta de las imágenes de entrenamiento»: la probabilidad más alta está por debajo del umbral fuera de dominio del modelo.</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>Exportar en</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Models (*.kiln *.onnx)</source>
        <translation>Modelos (*.kiln *.onnx)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Folder of images</source>
        <translation>Carpeta de imágenes</translation>
    </message>
    <message>
        <source>Save predictions</source>
        <translation>Guardar predicciones</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>No se puede escribir %1</translation>
    </message>
    <message>
        <source>Train a model first; its runs are listed here.</source>
        <translation>Primero hay que entrenar un modelo; sus ejecuciones aparecen aquí.</translation>
    </message>
    <message>
        <source>Exporting and checking…</source>
        <translation>Exportando y comprobando…</translation>
    </message>
    <message>
        <source>✔ %1 (%2): reloaded, it predicts the validation images with accuracy %3.</source>
        <translation>✔ %1 (%2): recargado; predice las imágenes de validación con una exactitud de %3.</translation>
    </message>
    <message>
        <source>✔ %1 (%2) and its metadata: OpenCV&apos;s dnn module matches LibTorch within %3.</source>
        <translation>✔ %1 (%2) y sus metadatos: el módulo dnn de OpenCV coincide con LibTorch con una tolerancia de %3.</translation>
    </message>
    <message>
        <source>✔ %1 (%2) and its metadata: torch::jit::load matches LibTorch within %3.</source>
        <translation>✔ %1 (%2) y sus metadatos: torch::jit::load coincide con LibTorch con una tolerancia de %3.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Primero hay que elegir un modelo.</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>Prediciendo…</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>unlike the training images (top probability %1)</source>
        <translation>distinta de las imágenes de entrenamiento (probabilidad máxima %1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln imagen</numerusform>
            <numerusform>%Ln imágenes</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 unlike the training images · %2 unreadable</source>
        <translation> · %1 distintas de las imágenes de entrenamiento · %2 ilegibles</translation>
    </message>
    <message>
        <source>Choose a run and the formats, then press Export.</source>
        <translation>Elegir una ejecución y los formatos; luego, pulsar Exportar.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>✘ %1: %2</source>
        <translation>✘ %1: %2</translation>
    </message>
    <message>
        <source>Predicting</source>
        <translation>Prediciendo</translation>
    </message>
    <message>
        <source>Save the chosen run as one HTML file to share: its curves, confusion matrix, per-class metrics, top losses, t-SNE and the models exported from it</source>
        <translation>Guarda la ejecución elegida como un único archivo HTML para compartir: curvas, matriz de confusión, métricas por clase, mayores pérdidas, t-SNE y los modelos exportados de ella</translation>
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
        <translation>no se puede
decodificar</translation>
    </message>
</context>
<context>
    <name>kiln::ImagePreview</name>
    <message>
        <source>Select an image to see it here.</source>
        <translation>Seleccionar una imagen para verla aquí.</translation>
    </message>
    <message>
        <source>Cannot show this image: %1</source>
        <translation>No se puede mostrar esta imagen: %1</translation>
    </message>
    <message>
        <source>%1 × %2 px · %3 · %4 split</source>
        <translation>%1 × %2 px · %3 · partición de %4</translation>
    </message>
</context>
<context>
    <name>kiln::KilnApplication</name>
    <message>
        <source>Internal error</source>
        <translation>Error interno</translation>
    </message>
    <message>
        <source>Kiln hit an internal error and carried on:

%1

Save your work; if it happens again, please report it.</source>
        <translation>Kiln encontró un error interno y continuó:

%1

Guarde su trabajo; si vuelve a ocurrir, por favor infórmelo.</translation>
    </message>
</context>
<context>
    <name>kiln::LanguageName</name>
    <message>
        <source>English</source>
        <extracomment>The name of this translation&apos;s language, written in that language (Deutsch, Español).</extracomment>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>kiln::LossItemModel</name>
    <message>
        <source>keep</source>
        <translation>conservar</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>eliminar</translation>
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
predicha %2, real %3 (partición de %4)
pérdida %5, p(predicted) %6, p(actual) %7</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validación</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entrenamiento</translation>
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
        <translation>Pulsar Buscar para ejecutar el buscador de tasa de aprendizaje. Después, hacer clic en la curva o en una sugerencia para usar esa tasa de aprendizaje.</translation>
    </message>
    <message>
        <source>learning rate (log scale)</source>
        <translation>tasa de aprendizaje (escala logarítmica)</translation>
    </message>
    <message>
        <source>loss (smoothed)</source>
        <translation>pérdida (suavizada)</translation>
    </message>
    <message>
        <source>valley</source>
        <translation>valle</translation>
    </message>
    <message>
        <source>slide</source>
        <translation>deslizamiento</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>mínimo</translation>
    </message>
    <message>
        <source>steep</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>Suggestions: valley %1 · slide %2 · minimum %3 · steep %4. Click the curve or a suggestion to use it.</source>
        <translation>Sugerencias: valle %1 · deslizamiento %2 · mínimo %3 · pendiente %4. Hacer clic en la curva o en una sugerencia para usarla.</translation>
    </message>
    <message>
        <source>Too few points for suggestions; use more images or a smaller batch size.</source>
        <translation>Muy pocos puntos para hacer sugerencias; usar más imágenes o un tamaño de lote menor.</translation>
    </message>
</context>
<context>
    <name>kiln::MainWindow</name>
    <message>
        <source>%1 images · %2 classes</source>
        <translation>%1 imágenes · %2 clases</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>No se puede guardar el proyecto</translation>
    </message>
    <message>
        <source>Acquire cancelled: </source>
        <translation>Adquisición cancelada: </translation>
    </message>
    <message>
        <source>Acquire finished: </source>
        <translation>Adquisición terminada: </translation>
    </message>
    <message>
        <source>Some edits were not done</source>
        <translation>Algunos cambios no se aplicaron</translation>
    </message>
    <message>
        <source>Cannot interpret the run</source>
        <translation>No se puede interpretar la ejecución</translation>
    </message>
    <message>
        <source>Cannot read the dataset</source>
        <translation>No se puede leer el conjunto de datos</translation>
    </message>
    <message>
        <source>Acquire</source>
        <translation>Adquirir</translation>
    </message>
    <message>
        <source>Search the web for images of each class and download them</source>
        <translation>Buscar en la web imágenes de cada clase y descargarlas</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Browse, check and import the images</source>
        <translation>Explorar, comprobar e importar las imágenes</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Train a classifier and watch it learn</source>
        <translation>Entrenar un clasificador y ver cómo aprende</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>Analizar</translation>
    </message>
    <message>
        <source>Confusion matrix, top losses, and cleaning the data</source>
        <translation>Matriz de confusión, mayores pérdidas y limpieza de los datos</translation>
    </message>
    <message>
        <source>Export &amp; Predict</source>
        <translation>Exportar y predecir</translation>
    </message>
    <message>
        <source>Export models as bundles or ONNX, and predict images with them</source>
        <translation>Exportar modelos como paquetes u ONNX y predecir imágenes con ellos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project (Fashion-MNIST)</source>
        <translation>Abrir proyecto de &amp;demostración (Fashion-MNIST)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Image &amp;Folder…</source>
        <translation>&amp;Carpeta de imágenes…</translation>
    </message>
    <message>
        <source>&amp;IDX Files (MNIST family)…</source>
        <translation>Archivos &amp;IDX (familia MNIST)…</translation>
    </message>
    <message>
        <source>&amp;CSV (path,label)…</source>
        <translation>C&amp;SV (ruta,etiqueta)…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <source>&amp;Rescan</source>
        <translation>&amp;Volver a escanear</translation>
    </message>
    <message>
        <source>&amp;Verify Images</source>
        <translation>V&amp;erificar imágenes</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The loop&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Acquire&lt;/b&gt;: add class names (one per line with &lt;i&gt;Paste names&lt;/i&gt;), set how many images each class needs, press &lt;i&gt;Start&lt;/i&gt;. Kiln searches the web, downloads in parallel, keeps only whole, decodable, non-duplicate images, and lists every image it did not keep, with the reason. A rerun resumes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dataset&lt;/b&gt;: browse the images by class and split; &lt;i&gt;Verify images&lt;/i&gt; decodes every file and can move broken ones to the trash. File ▸ Import reads image folders, MNIST-style IDX files and CSV lists.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Train&lt;/b&gt;: pick an architecture (simple_cnn for small images, resnet18/34 otherwise), the epochs and the learning rate (or run the learning-rate finder), press &lt;i&gt;Start&lt;/i&gt;. Curves and the metrics table update live; pause, resume or stop at any time.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Analyze&lt;/b&gt;: the confusion matrix (click a cell to see its images), most-confused pairs, per-class metrics and the t-SNE of the model&apos;s features. In the gallery mark images keep (K), delete (Del) or relabel (R), press &lt;i&gt;Apply&lt;/i&gt;; Ctrl+Z undoes. &lt;i&gt;Retrain&lt;/i&gt; trains again on the cleaned data.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export &amp;amp; Predict&lt;/b&gt;: export a run as a bundle, ONNX or TorchScript (each is checked), then drop images on the page to see what the model says.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Every step is also a &lt;tt&gt;kiln-cli&lt;/tt&gt; command: run &lt;tt&gt;kiln-cli --help&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;El ciclo&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Adquirir&lt;/b&gt;: añadir los nombres de las clases (uno por línea con &lt;i&gt;Pegar nombres&lt;/i&gt;), indicar cuántas imágenes necesita cada clase y pulsar &lt;i&gt;Iniciar&lt;/i&gt;. Kiln busca en la web, descarga en paralelo, conserva solo imágenes completas, decodificables y no duplicadas, y lista cada imagen que no conservó, con el motivo. Al volver a ejecutarlo, continúa donde se quedó.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Datos&lt;/b&gt;: explorar las imágenes por clase y partición; &lt;i&gt;Verificar imágenes&lt;/i&gt; decodifica cada archivo y puede mover los dañados a la papelera. Archivo ▸ Importar lee carpetas de imágenes, archivos IDX de tipo MNIST y listas CSV.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Entrenar&lt;/b&gt;: elegir una arquitectura (simple_cnn para imágenes pequeñas, resnet18/34 en otro caso), las épocas y la tasa de aprendizaje (o ejecutar el buscador de tasa de aprendizaje) y pulsar &lt;i&gt;Iniciar&lt;/i&gt;. Las curvas y la tabla de métricas se actualizan en directo; se puede pausar, reanudar o detener en cualquier momento.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Analizar&lt;/b&gt;: la matriz de confusión (clic en una celda para ver sus imágenes), los pares más confundidos, las métricas por clase y el t-SNE de las características del modelo. En la galería, marcar las imágenes para conservar (K), eliminar (Supr) o reetiquetar (R) y pulsar &lt;i&gt;Aplicar&lt;/i&gt;; Ctrl+Z deshace. &lt;i&gt;Reentrenar&lt;/i&gt; vuelve a entrenar con los datos limpios.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exportar y predecir&lt;/b&gt;: exportar una ejecución como paquete, ONNX o TorchScript (cada uno se verifica) y después soltar imágenes en la página para ver qué dice el modelo.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Cada paso es también un comando de &lt;tt&gt;kiln-cli&lt;/tt&gt;: ejecutar &lt;tt&gt;kiln-cli --help&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New project&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open project&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Rescan the dataset&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;User guide&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;i&gt;Analyze page, in the gallery&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Keep the selected images&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Del&lt;/b&gt; or &lt;b&gt;D&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Mark them for deletion (to the trash)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Relabel them (a menu of classes)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Clear the choice&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Undo / redo an applied edit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom the confusion matrix&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;i&gt;Embeddings&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel&lt;/b&gt;, &lt;b&gt;right-drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom, pan&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Left-drag&lt;/b&gt; (&lt;b&gt;Shift&lt;/b&gt; adds)&lt;/td&gt;&lt;td&gt;Select points; they show in the gallery&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Nuevo proyecto&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Abrir proyecto&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Volver a escanear el conjunto de datos&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Guía del usuario&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Salir&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;i&gt;Página Analizar, en la galería&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Conservar las imágenes seleccionadas&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Supr&lt;/b&gt; o &lt;b&gt;D&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Marcarlas para eliminar (a la papelera)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Reetiquetarlas (un menú de clases)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Borrar la elección&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Mayús+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Deshacer / rehacer un cambio aplicado&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+rueda&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Acercar o alejar la matriz de confusión&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;i&gt;Incrustaciones (embeddings)&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Rueda&lt;/b&gt;, &lt;b&gt;arrastrar con el botón derecho&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom, desplazar&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Arrastrar con el botón izquierdo&lt;/b&gt; (&lt;b&gt;Mayús&lt;/b&gt; añade)&lt;/td&gt;&lt;td&gt;Seleccionar puntos; se muestran en la galería&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&amp;About Kiln</source>
        <translation>Acerca &amp;de Kiln</translation>
    </message>
    <message>
        <source>About Kiln</source>
        <translation>Acerca de Kiln</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kiln %1&lt;/h3&gt;&lt;p&gt;A desktop studio for building image datasets and training image classifiers.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kiln %1&lt;/h3&gt;&lt;p&gt;Un estudio de escritorio para crear conjuntos de datos de imágenes y entrenar clasificadores de imágenes.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>El entrenamiento está en curso</translation>
    </message>
    <message>
        <source>Stop the training run and quit? The checkpoint of the last finished epoch is kept, and the run can be resumed with kiln-cli train --resume.</source>
        <translation>¿Detener la ejecución de entrenamiento y salir? Se conserva el punto de control de la última época terminada, y la ejecución se puede reanudar con kiln-cli train --resume.</translation>
    </message>
    <message>
        <source>Cannot retrain</source>
        <translation>No se puede reentrenar</translation>
    </message>
    <message>
        <source>A training run is in progress; stop it first.</source>
        <translation>Hay una ejecución de entrenamiento en curso; primero hay que detenerla.</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>No se puede abrir el proyecto</translation>
    </message>
    <message>
        <source>Importing the Fashion-MNIST demo (once)</source>
        <translation>Importando la demostración de Fashion-MNIST (solo la primera vez)</translation>
    </message>
    <message>
        <source>The demo project is ready.</source>
        <translation>El proyecto de demostración está listo.</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Another import is still running; wait for it or cancel it.</source>
        <translation>Otra importación sigue en curso; esperar a que termine o cancelarla.</translation>
    </message>
    <message>
        <source>The job did not finish</source>
        <translation>La tarea no terminó</translation>
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
        <translation>Sin proyecto</translation>
    </message>
    <message>
        <source>Create or open a project first (File → New Project).</source>
        <translation>Primero hay que crear o abrir un proyecto (Archivo → Nuevo proyecto).</translation>
    </message>
    <message>
        <source>Choose or create an empty folder for the new project</source>
        <translation>Elegir o crear una carpeta vacía para el nuevo proyecto</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>No se puede crear el proyecto</translation>
    </message>
    <message>
        <source>Open a Kiln project folder</source>
        <translation>Abrir una carpeta de proyecto de Kiln</translation>
    </message>
    <message>
        <source>Folder with one sub-folder per class</source>
        <translation>Carpeta con una subcarpeta por clase</translation>
    </message>
    <message>
        <source>Importing images</source>
        <translation>Importando imágenes</translation>
    </message>
    <message>
        <source>Copied %1 images in %2 classes.</source>
        <translation>Se copiaron %1 imágenes en %2 clases.</translation>
    </message>
    <message>
        <source> %1 could not be copied; first: %2</source>
        <translation> No se pudieron copiar %1; la primera: %2</translation>
    </message>
    <message>
        <source>Import IDX files</source>
        <translation>Importar archivos IDX</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>IDX file</source>
        <translation>Archivo IDX</translation>
    </message>
    <message>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)</source>
        <translation>Archivos IDX (*-ubyte *-ubyte.gz *.idx *.gz);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Guess from the file name</source>
        <translation>Deducir del nombre del archivo</translation>
    </message>
    <message>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>validación</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>none (random split)</source>
        <translation>ninguna (partición aleatoria)</translation>
    </message>
    <message>
        <source>Comma-separated; empty: Fashion-MNIST names or digits</source>
        <translation>Separados por comas; vacío: nombres de Fashion-MNIST o dígitos</translation>
    </message>
    <message>
        <source>Images file:</source>
        <translation>Archivo de imágenes:</translation>
    </message>
    <message>
        <source>Labels file:</source>
        <translation>Archivo de etiquetas:</translation>
    </message>
    <message>
        <source>Put into:</source>
        <translation>Asignar a:</translation>
    </message>
    <message>
        <source>Class names:</source>
        <translation>Nombres de clase:</translation>
    </message>
    <message>
        <source>Importing IDX</source>
        <translation>Importando IDX</translation>
    </message>
    <message>
        <source>Imported %1 images (%2 were already there).</source>
        <translation>Se importaron %1 imágenes (%2 ya estaban).</translation>
    </message>
    <message>
        <source>CSV file with path,label rows</source>
        <translation>Archivo CSV con filas ruta,etiqueta</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Folder the CSV&apos;s paths are relative to</source>
        <translation>Carpeta a la que son relativas las rutas del CSV</translation>
    </message>
    <message>
        <source>Importing CSV</source>
        <translation>Importando CSV</translation>
    </message>
    <message>
        <source>Copied %1 images.</source>
        <translation>Se copiaron %1 imágenes.</translation>
    </message>
    <message>
        <source> %1 rows skipped; first: %2</source>
        <translation> Se omitieron %1 filas; la primera: %2</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>Se escribieron %1 filas en %2</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Kiln shows the new language from its next start. Restart Kiln now?</source>
        <translation>Kiln mostrará el nuevo idioma a partir del próximo inicio. ¿Reiniciar Kiln ahora?</translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation>No se puede leer el proyecto</translation>
    </message>
    <message>
        <source>Not a Kiln project yet</source>
        <translation>Todavía no es un proyecto de Kiln</translation>
    </message>
    <message>
        <source>%1 holds class folders of images but is not a Kiln project.

Make a project for it? Kiln creates the folder %2 beside it for runs and exports; the images stay where they are (the project links to them) and nothing is copied or moved.</source>
        <translation>%1 contiene carpetas de clases con imágenes, pero no es un proyecto de Kiln.

¿Crear un proyecto para ella? Kiln crea a su lado la carpeta %2 para los entrenamientos y las exportaciones; las imágenes se quedan donde están (el proyecto las enlaza) y no se copia ni se mueve nada.</translation>
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
        <translation>época</translation>
    </message>
    <message>
        <source>train_loss</source>
        <translation>pérdida entr.</translation>
    </message>
    <message>
        <source>valid_loss</source>
        <translation>pérdida valid.</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <source>error_rate</source>
        <translation>tasa de error</translation>
    </message>
    <message>
        <source>time</source>
        <translation>tiempo</translation>
    </message>
</context>
<context>
    <name>kiln::MostConfusedModel</name>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Predicted as</source>
        <translation>Predicha como</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Of the class</source>
        <translation>De la clase</translation>
    </message>
</context>
<context>
    <name>kiln::PictureExport</name>
    <message>
        <source>There is nothing to export in %1 yet.</source>
        <translation>Todavía no hay nada que exportar en %1.</translation>
    </message>
    <message>
        <source>Could not write %1: check that its folder exists and can be written.</source>
        <translation>No se pudo escribir %1: comprueba que su carpeta existe y se puede escribir.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Save this picture as PNG, SVG or PDF, or its data as CSV</source>
        <translation>Guarda esta imagen como PNG, SVG o PDF, o sus datos como CSV</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Dibujos SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>Exportar imagen</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>Datos como CSV…</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exportar datos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>kiln::PreferencesDialog</name>
    <message>
        <source>Moderate</source>
        <translation>Moderada</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>Estricta</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>The GPU when there is one</source>
        <translation>La GPU cuando la haya</translation>
    </message>
    <message>
        <source>Always the CPU</source>
        <translation>Siempre la CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>every core (%1)</source>
        <translation>todos los núcleos (%1)</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>As the desktop</source>
        <translation>Igual que el escritorio</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Training device</source>
        <translation>Dispositivo de entrenamiento</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Hilos de CPU</translation>
    </message>
    <message>
        <source>Thumbnail cache</source>
        <translation>Caché de miniaturas</translation>
    </message>
    <message>
        <source>Downloads at once (Acquire)</source>
        <translation>Descargas simultáneas (Adquirir)</translation>
    </message>
    <message>
        <source>Search region (Acquire)</source>
        <translation>Región de búsqueda (Adquirir)</translation>
    </message>
    <message>
        <source>Safe search (Acquire)</source>
        <translation>Búsqueda segura (Adquirir)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Kiln shows a new language from its next start.</source>
        <translation>Kiln mostrará el nuevo idioma a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>Light or dark</source>
        <translation>Claro u oscuro</translation>
    </message>
    <message>
        <source>Where ImageNet weights download from: torchvision&apos;s site, or a mirror with the same files (KILN_WEIGHTS_URL overrides it)</source>
        <translation>De dónde se descargan los pesos de ImageNet: el sitio de torchvision o un espejo con los mismos archivos (KILN_WEIGHTS_URL tiene prioridad)</translation>
    </message>
    <message>
        <source>Pretrained weights from</source>
        <translation>Pesos preentrenados desde</translation>
    </message>
    <message>
        <source>GPU found: %1</source>
        <translation>GPU encontrada: %1</translation>
    </message>
    <message>
        <source>GPU %1 found, but this build of LibTorch has no CUDA: the CPU trains</source>
        <translation>GPU %1 encontrada, pero esta versión de LibTorch no tiene CUDA: entrena la CPU</translation>
    </message>
    <message>
        <source>No GPU found: the CPU trains, in bf16 mixed precision where it is faster</source>
        <translation>No se encontró GPU: entrena la CPU, en precisión mixta bf16 donde es más rápido</translation>
    </message>
    <message>
        <source>No GPU found: the CPU trains</source>
        <translation>No se encontró GPU: entrena la CPU</translation>
    </message>
</context>
<context>
    <name>kiln::PreviewStrip</name>
    <message>
        <source>augmentation preview</source>
        <translation>vista previa del aumento de datos</translation>
    </message>
</context>
<context>
    <name>kiln::ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>%1 / %2 %3 · %4/s · %5 left</source>
        <translation>%1 / %2 %3 · %4/s · quedan %5</translation>
    </message>
    <message>
        <source>images</source>
        <translation>imágenes</translation>
    </message>
    <message>
        <source>%1 of %2 · %3/s · %4 left</source>
        <translation>%1 de %2 · %3/s · quedan %4</translation>
    </message>
</context>
<context>
    <name>kiln::ReportButton</name>
    <message>
        <source>Report…</source>
        <translation>Informe…</translation>
    </message>
    <message>
        <source>Save this run as one HTML file to share: settings, curves, confusion matrix, per-class metrics, top losses</source>
        <translation>Guarda esta ejecución como un único archivo HTML para compartir: ajustes, curvas, matriz de confusión, métricas por clase, mayores pérdidas</translation>
    </message>
    <message>
        <source>Save the run report</source>
        <translation>Guardar el informe de la ejecución</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>Archivos HTML (*.html)</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Escribiendo el informe</translation>
    </message>
    <message>
        <source>Saved the report as %1</source>
        <translation>Informe guardado como %1</translation>
    </message>
</context>
<context>
    <name>kiln::RunCompareModel</name>
    <message>
        <source>%1 differs between the ticked runs</source>
        <translation>%1 difiere entre las ejecuciones marcadas</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <source>Valid loss</source>
        <translation>Pérdida de validación</translation>
    </message>
    <message>
        <source>Best valid loss</source>
        <translation>Mejor pérdida de validación</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
</context>
<context>
    <name>kiln::RunCompareView</name>
    <message>
        <source>Click a column&apos;s title to sort; highlighted settings differ between the ticked runs</source>
        <translation>Haz clic en el título de una columna para ordenar; los ajustes resaltados difieren entre las ejecuciones marcadas</translation>
    </message>
    <message>
        <source>Runs compared</source>
        <translation>Ejecuciones comparadas</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>Exportar curvas</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exportar tabla</translation>
    </message>
    <message>
        <source>Tick the runs to draw over each other</source>
        <translation>Marca las ejecuciones que se dibujan superpuestas</translation>
    </message>
    <message>
        <source>Runs to compare (tick them):</source>
        <translation>Ejecuciones a comparar (márcalas):</translation>
    </message>
    <message>
        <source>Tick two or more runs in the list to draw their curves over each other and compare their settings.</source>
        <translation>Marca dos o más ejecuciones de la lista para superponer sus curvas y comparar sus ajustes.</translation>
    </message>
    <message>
        <source>One run ticked: tick another to compare.</source>
        <translation>Una ejecución marcada: marca otra para comparar.</translation>
    </message>
    <message numerus="yes">
        <source>%n runs compared; highlighted settings differ.</source>
        <translation>
            <numerusform>%n ejecución comparada; los ajustes resaltados difieren.</numerusform>
            <numerusform>%n ejecuciones comparadas; los ajustes resaltados difieren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::RunListModel</name>
    <message>
        <source>damaged</source>
        <translation>dañada</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>%1 · damaged</source>
        <translation>%1 · dañada</translation>
    </message>
    <message>
        <source> · accuracy %1</source>
        <translation> · exactitud %1</translation>
    </message>
    <message>
        <source>%1, %2 epochs, batch %3, %4 px</source>
        <translation>%1, %2 épocas, lote %3, %4 px</translation>
    </message>
</context>
<context>
    <name>kiln::RunOverlayPlot</name>
    <message>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · double-click: fit</source>
        <translation>Rueda: zoom · arrastrar: desplazar · doble clic: ajustar</translation>
    </message>
    <message>
        <source>Runs compared</source>
        <translation>Ejecuciones comparadas</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>solid: train loss (smoothed) · dashed: valid loss · below: accuracy</source>
        <translation>continua: pérdida de entrenamiento (suavizada) · discontinua: pérdida de validación · abajo: exactitud</translation>
    </message>
</context>
<context>
    <name>kiln::SampleModel</name>
    <message>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>validación</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
</context>
<context>
    <name>kiln::TrainPage</name>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>epoch %v / %m</source>
        <translation>época %v / %m</translation>
    </message>
    <message>
        <source>batch %v / %m</source>
        <translation>lote %v / %m</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Curvas de entrenamiento</translation>
    </message>
    <message>
        <source>Learning-rate finder</source>
        <translation>Buscador de tasa de aprendizaje</translation>
    </message>
    <message>
        <source>stopped; the checkpoint of the last finished epoch is kept</source>
        <translation>detenido; se conserva el punto de control de la última época terminada</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source> · accuracy %1</source>
        <translation> · exactitud %1</translation>
    </message>
    <message>
        <source> · early stopping</source>
        <translation> · parada temprana</translation>
    </message>
    <message>
        <source>learning rate set to the valley suggestion; click the curve to pick another</source>
        <translation>tasa de aprendizaje fijada en la sugerencia del valle; hacer clic en la curva para elegir otra</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Run the learning-rate finder (fastai&apos;s lr_find)</source>
        <translation>Ejecutar el buscador de tasa de aprendizaje (lr_find de fastai)</translation>
    </message>
    <message>
        <source>Augmentation (training images only)</source>
        <translation>Aumento de datos (solo imágenes de entrenamiento)</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Data and device</source>
        <translation>Datos y dispositivo</translation>
    </message>
    <message>
        <source>CPU (%1 threads)</source>
        <translation>CPU (%1 hilos)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>No CUDA device was found; training runs on the CPU</source>
        <translation>No se encontró ningún dispositivo CUDA; el entrenamiento se ejecuta en la CPU</translation>
    </message>
    <message>
        <source>This dataset is split by its train/valid folders</source>
        <translation>Este conjunto de datos está dividido por sus carpetas train/valid</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Finding a learning rate…</source>
        <translation>Buscando una tasa de aprendizaje…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenando</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>Deteniendo tras este lote…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>between batches; Resume continues, Stop ends the run</source>
        <translation>entre lotes; Reanudar continúa, Detener termina la ejecución</translation>
    </message>
    <message>
        <source>%1 images/s · %2 left</source>
        <translation>%1 imágenes/s · quedan %2</translation>
    </message>
    <message>
        <source>⚠ The validation loss rose two epochs running while the training loss fell: the model is probably overfitting. Train fewer epochs, add augmentation or data, or keep the best epoch.</source>
        <translation>⚠ La pérdida de validación subió dos épocas seguidas mientras la pérdida de entrenamiento bajaba: probablemente el modelo se está sobreajustando. Entrenar menos épocas, añadir aumento de datos o más datos, o conservar la mejor época.</translation>
    </message>
    <message>
        <source>showing run %1</source>
        <translation>mostrando la ejecución %1</translation>
    </message>
    <message>
        <source>The GPU when there is one</source>
        <translation>La GPU cuando la haya</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>Más ajustes</translation>
    </message>
    <message>
        <source>this configuration cannot train: %1</source>
        <translation>con esta configuración no se puede entrenar: %1</translation>
    </message>
    <message>
        <source>Downloading weights…</source>
        <translation>Descargando los pesos…</translation>
    </message>
    <message>
        <source>Downloading the ImageNet weights of %1</source>
        <translation>Descargando los pesos de ImageNet de %1</translation>
    </message>
    <message>
        <source>weights downloaded and checked</source>
        <translation>pesos descargados y comprobados</translation>
    </message>
    <message>
        <source>Runs of this project; click one to see its curves again, tick several to compare them</source>
        <translation>Ejecuciones de este proyecto; haz clic en una para volver a ver sus curvas, marca varias para compararlas</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Comparar ejecuciones</translation>
    </message>
</context>
<context>
    <name>kiln::TrainSettings</name>
    <message>
        <source>squish</source>
        <translation>comprimir</translation>
    </message>
    <message>
        <source>crop</source>
        <translation>recortar</translation>
    </message>
    <message>
        <source>pad</source>
        <translation>rellenar</translation>
    </message>
    <message>
        <source>one-cycle</source>
        <translation>un ciclo</translation>
    </message>
    <message>
        <source>fine-tune</source>
        <translation>ajuste fino</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <source>fastai</source>
        <translation>fastai</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automático</translation>
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
        <translation>Arquitectura</translation>
    </message>
    <message>
        <source>The network: simple_cnn for small images, a ResNet for photos</source>
        <translation>La red: simple_cnn para imágenes pequeñas, una ResNet para fotos</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Cabeza</translation>
    </message>
    <message>
        <source>fastai&apos;s head (pooling, two linear layers with dropout) or one linear layer</source>
        <translation>La cabeza de fastai (pooling, dos capas lineales con dropout) o una sola capa lineal</translation>
    </message>
    <message>
        <source>Pretrained weights</source>
        <translation>Pesos preentrenados</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Tamaño de imagen</translation>
    </message>
    <message>
        <source>Pixels a side the images are resized to; auto: from the data</source>
        <translation>Píxeles por lado a los que se redimensionan las imágenes; automático: según los datos</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Redimensionar</translation>
    </message>
    <message>
        <source>How an image becomes square: squish it, crop its centre, or pad it</source>
        <translation>Cómo una imagen se vuelve cuadrada: comprimirla, recortar su centro o rellenarla</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <source>Images per training step</source>
        <translation>Imágenes por paso de entrenamiento</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Passes over the training images (fine-tune adds its frozen epochs)</source>
        <translation>Pasadas por las imágenes de entrenamiento (el ajuste fino añade sus épocas congeladas)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>fastai&apos;s fit_one_cycle, fine_tune (head first, then everything), or a constant rate</source>
        <translation>fit_one_cycle de fastai, fine_tune (primero la cabeza, luego todo) o una tasa constante</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>The peak learning rate; auto: the learning-rate finder&apos;s valley</source>
        <translation>La tasa de aprendizaje máxima; automático: el valle del buscador de tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Aplicar aumento de datos</translation>
    </message>
    <message>
        <source>Vary the training images (fastai&apos;s aug_transforms); the option turns it off</source>
        <translation>Variar las imágenes de entrenamiento (aug_transforms de fastai); la opción lo desactiva</translation>
    </message>
    <message>
        <source>Min crop scale</source>
        <translation>Escala mín. de recorte</translation>
    </message>
    <message>
        <source>Smallest share of the image a random crop keeps; 1: no random crop</source>
        <translation>La menor parte de la imagen que conserva un recorte aleatorio; 1: sin recorte aleatorio</translation>
    </message>
    <message>
        <source>Flip probability</source>
        <translation>Probabilidad de volteo</translation>
    </message>
    <message>
        <source>Probability of a horizontal flip</source>
        <translation>Probabilidad de un volteo horizontal</translation>
    </message>
    <message>
        <source>Max rotation</source>
        <translation>Rotación máxima</translation>
    </message>
    <message>
        <source>Largest rotation, in degrees</source>
        <translation>Rotación máxima, en grados</translation>
    </message>
    <message>
        <source>Max zoom</source>
        <translation>Zoom máximo</translation>
    </message>
    <message>
        <source>Largest zoom factor</source>
        <translation>Factor de zoom máximo</translation>
    </message>
    <message>
        <source>Max warp</source>
        <translation>Deformación máxima</translation>
    </message>
    <message>
        <source>Largest perspective warp</source>
        <translation>Deformación de perspectiva máxima</translation>
    </message>
    <message>
        <source>Max lighting</source>
        <translation>Iluminación máxima</translation>
    </message>
    <message>
        <source>Largest change of brightness and contrast</source>
        <translation>Cambio máximo de brillo y contraste</translation>
    </message>
    <message>
        <source>Valid share</source>
        <translation>Proporción de validación</translation>
    </message>
    <message>
        <source>Share of the images held out for validation (random splits)</source>
        <translation>Parte de las imágenes reservada para validación (divisiones aleatorias)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Seed of the split, the initial weights and the augmentation</source>
        <translation>Semilla de la división, de los pesos iniciales y del aumento de datos</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <source>AdamW (fastai&apos;s default) or SGD with momentum</source>
        <translation>AdamW (el predeterminado de fastai) o SGD con momento</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Decaimiento de pesos</translation>
    </message>
    <message>
        <source>Decoupled weight decay</source>
        <translation>Decaimiento de pesos desacoplado</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <source>SGD&apos;s momentum with the constant schedule</source>
        <translation>Momento de SGD con el programa constante</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>Suavizado de etiquetas</translation>
    </message>
    <message>
        <source>Share of each label spread over the other classes; 0: off</source>
        <translation>Parte de cada etiqueta repartida entre las demás clases; 0: desactivado</translation>
    </message>
    <message>
        <source>Frozen epochs</source>
        <translation>Épocas congeladas</translation>
    </message>
    <message>
        <source>fine-tune: epochs that train the head alone first</source>
        <translation>ajuste fino: épocas que primero entrenan solo la cabeza</translation>
    </message>
    <message>
        <source>Warm-up share</source>
        <translation>Parte de calentamiento</translation>
    </message>
    <message>
        <source>one-cycle: share of the steps that raise the learning rate</source>
        <translation>one-cycle: parte de los pasos que suben la tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Early stop</source>
        <translation>Parada temprana</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a lower validation loss; 0: off</source>
        <translation>Detener tras tantas épocas sin una pérdida de validación menor; 0: desactivado</translation>
    </message>
    <message>
        <source>Keep best</source>
        <translation>Conservar la mejor</translation>
    </message>
    <message>
        <source>End with the weights of the epoch with the lowest validation loss</source>
        <translation>Terminar con los pesos de la época con la menor pérdida de validación</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <source>CPU threads for training; auto: every core</source>
        <translation>Hilos de CPU para entrenar; automático: todos los núcleos</translation>
    </message>
    <message>
        <source>Loader threads</source>
        <translation>Hilos de carga</translation>
    </message>
    <message>
        <source>Threads that decode and augment images; auto: chosen from the cores</source>
        <translation>Hilos que decodifican y aumentan las imágenes; automático: según los núcleos</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Where to train: a CUDA GPU when there is one (auto), or the CPU</source>
        <translation>Dónde entrenar: en una GPU CUDA si la hay (automático) o en la CPU</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>1 (gray) or 3 (colour) input channels; auto: from the data</source>
        <translation>1 (gris) o 3 (color) canales de entrada; automático: según los datos</translation>
    </message>
    <message>
        <source>imagenet: torchvision&apos;s ImageNet weights (downloaded once); a torchvision state dict (.pth); or none: train from scratch</source>
        <translation>imagenet: los pesos de ImageNet de torchvision (se descargan una vez); un state dict de torchvision (.pth); o none: entrenar desde cero</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Mixed precision: auto is bf16 on a CPU with native bf16 where it is faster, fp16 on a GPU, else fp32</source>
        <translation>Precisión mixta: automático es bf16 en una CPU con bf16 nativo donde es más rápido, fp16 en una GPU y si no fp32</translation>
    </message>
</context>
<context>
    <name>kiln::TrainSettingsForm</name>
    <message>
        <source>auto</source>
        <translation>automático</translation>
    </message>
</context>
<context>
    <name>kiln::TrainingPlot</name>
    <message>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>train loss (batch)</source>
        <translation>pérdida de entrenamiento (lote)</translation>
    </message>
    <message>
        <source>train loss (smoothed)</source>
        <translation>pérdida de entrenamiento (suavizada)</translation>
    </message>
    <message>
        <source>valid loss</source>
        <translation>pérdida de validación</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · double-click: follow the data again</source>
        <translation>Rueda: zoom · arrastrar: desplazar · doble clic: volver a seguir los datos</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exportar datos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>kiln::VerifyFailureModel</name>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilegible</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>truncado</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>no es una imagen</translation>
    </message>
    <message>
        <source>zero bytes</source>
        <translation>cero bytes</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>demasiado grande</translation>
    </message>
    <message>
        <source>unsupported format</source>
        <translation>formato no compatible</translation>
    </message>
    <message>
        <source>%1 (moved to trash)</source>
        <translation>%1 (movido a la papelera)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
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
        <translation>Un archivo…</translation>
    </message>
    <message>
        <source>None: train from scratch</source>
        <translation>Ninguno: entrenar desde cero</translation>
    </message>
    <message>
        <source>a torchvision state dict (.pth)</source>
        <translation>un state dict de torchvision (.pth)</translation>
    </message>
    <message>
        <source>torchvision state dict</source>
        <translation>state dict de torchvision</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt)</source>
        <translation>Pesos de PyTorch (*.pth *.pt)</translation>
    </message>
    <message>
        <source>No ImageNet weights for %1: it trains from scratch.</source>
        <translation>No hay pesos de ImageNet para %1: se entrena desde cero.</translation>
    </message>
    <message>
        <source>%1 M parameters, %2 % top-1 on ImageNet.</source>
        <translation>%1 M de parámetros, %2 % top-1 en ImageNet.</translation>
    </message>
    <message>
        <source>Its weights are in the cache (%1).</source>
        <translation>Sus pesos están en la caché (%1).</translation>
    </message>
    <message>
        <source>Start downloads its weights once (about %1).</source>
        <translation>Iniciar descarga sus pesos una vez (unos %1).</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>rápida</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>media</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>lenta</translation>
    </message>
    <message>
        <source>On a CPU: %1, about %2× resnet18&apos;s training speed.</source>
        <translation>En una CPU: %1, entrena a unas %2× la velocidad de resnet18.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kiln: build image datasets and train image classifiers.</source>
        <translation>Kiln: crear conjuntos de datos de imágenes y entrenar clasificadores de imágenes.</translation>
    </message>
    <message>
        <source>A Kiln project folder to open.</source>
        <translation>Una carpeta de proyecto de Kiln para abrir.</translation>
    </message>
    <message>
        <source>Open the Fashion-MNIST demo project (imported once).</source>
        <translation>Abrir el proyecto de demostración de Fashion-MNIST (se importa una sola vez).</translation>
    </message>
    <message>
        <source>Show Kiln in this language for this run (en, de, es; default: Preferences, else the system&apos;s).</source>
        <translation>Mostrar Kiln en este idioma en esta sesión (en, de, es; predeterminado: Preferencias o, si no, el del sistema).</translation>
    </message>
</context>
</TS>
