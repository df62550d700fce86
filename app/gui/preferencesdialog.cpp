#include "preferencesdialog.h"

#include "localization.h"

#include "models/weights.h"
#include "train/learner.h"
#include "train/precision.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QThread>

#include <algorithm>

namespace kiln {

Preferences Preferences::load()
{
    QSettings s;
    Preferences p;
    p.device = s.value("preferences/device", p.device).toString();
    p.threads = s.value("preferences/threads", p.threads).toInt();
    p.thumbnailCacheMB = s.value("preferences/thumbnail_cache_mb", p.thumbnailCacheMB).toInt();
    p.downloads = s.value("preferences/downloads", p.downloads).toInt();
    p.region = s.value("preferences/region", p.region).toString();
    p.safeSearch = s.value("preferences/safe_search", p.safeSearch).toString();
    p.language = s.value("preferences/language", p.language).toString();
    p.appearance = s.value("preferences/appearance", p.appearance).toString();
    p.weightsUrl = s.value("preferences/weights_url", p.weightsUrl).toString();
    return p;
}

void Preferences::save() const
{
    QSettings s;
    s.setValue("preferences/device", device);
    s.setValue("preferences/threads", threads);
    s.setValue("preferences/thumbnail_cache_mb", thumbnailCacheMB);
    s.setValue("preferences/downloads", downloads);
    s.setValue("preferences/region", region);
    s.setValue("preferences/safe_search", safeSearch);
    s.setValue("preferences/language", language);
    s.setValue("preferences/appearance", appearance);
    s.setValue("preferences/weights_url", weightsUrl);
}

void addSafeSearchChoices(QComboBox *box)
{
    box->addItem(QCoreApplication::translate("kiln::PreferencesDialog", "Moderate"), QStringLiteral("moderate"));
    box->addItem(QCoreApplication::translate("kiln::PreferencesDialog", "Strict"), QStringLiteral("on"));
    box->addItem(QCoreApplication::translate("kiln::PreferencesDialog", "Off"), QStringLiteral("off"));
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_device(new QComboBox(this))
    , m_threads(new QSpinBox(this))
    , m_cache(new QSpinBox(this))
    , m_downloads(new QSpinBox(this))
    , m_region(new QLineEdit(this))
    , m_safe(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_appearance(new QComboBox(this))
    , m_weightsUrl(new QLineEdit(this))
{
    setWindowTitle(tr("Preferences"));
    auto *form = new QFormLayout(this);
    m_device->addItem(tr("The GPU when there is one"), "auto");
    m_device->addItem(tr("Always the CPU"), "cpu");
    m_device->addItem(tr("CUDA GPU"), "cuda");
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("every core (%1)").arg(QThread::idealThreadCount()));
    m_cache->setRange(16, 16384);
    m_cache->setSuffix(tr(" MB"));
    m_downloads->setRange(1, 128);
    addSafeSearchChoices(m_safe);
    m_language->addItem(tr("The system's language"), QString());
    for (const LanguageChoice &l : availableLanguages())
        m_language->addItem(l.name, l.code);
    m_appearance->addItem(tr("As the desktop"), QStringLiteral("system"));
    m_appearance->addItem(tr("Light"), QStringLiteral("light"));
    m_appearance->addItem(tr("Dark"), QStringLiteral("dark"));
    form->addRow(tr("Training device"), m_device);
    // What the device choice finds on this machine: the GPU's name and memory, or the CPU's bf16.
    const QString gpu = QString::fromStdString(cudaDeviceDescription(0));
    QString found;
    if (cudaAvailable())
        found = tr("GPU found: %1").arg(gpu.isEmpty() ? QStringLiteral("CUDA") : gpu);
    else if (!gpu.isEmpty())
        found = tr("GPU %1 found, but this build of LibTorch has no CUDA: the CPU trains").arg(gpu);
    else
        found = cpuHasNativeBf16() ? tr("No GPU found: the CPU trains, in bf16 mixed precision where it is faster")
                                   : tr("No GPU found: the CPU trains");
    auto *deviceNote = new QLabel(found, this);
    deviceNote->setObjectName(QStringLiteral("deviceFound"));
    deviceNote->setEnabled(false);
    form->addRow(QString(), deviceNote);
    form->addRow(tr("CPU threads"), m_threads);
    m_weightsUrl->setPlaceholderText(QString::fromLatin1(kTorchvisionWeightsBase));
    m_weightsUrl->setToolTip(tr("Where ImageNet weights download from: torchvision's site, or a mirror with the same files "
                                "(KILN_WEIGHTS_URL overrides it)"));
    form->addRow(tr("Pretrained weights from"), m_weightsUrl);
    form->addRow(tr("Thumbnail cache"), m_cache);
    form->addRow(tr("Downloads at once (Acquire)"), m_downloads);
    form->addRow(tr("Search region (Acquire)"), m_region);
    form->addRow(tr("Safe search (Acquire)"), m_safe);
    form->addRow(tr("Language"), m_language);
    auto *languageNote = new QLabel(tr("Kiln shows a new language from its next start."), this);
    languageNote->setEnabled(false);
    form->addRow(QString(), languageNote);
    form->addRow(tr("Light or dark"), m_appearance);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);

    const Preferences p = Preferences::load();
    m_device->setCurrentIndex(std::max(0, m_device->findData(p.device)));
    m_threads->setValue(p.threads);
    m_cache->setValue(p.thumbnailCacheMB);
    m_downloads->setValue(p.downloads);
    m_region->setText(p.region);
    m_safe->setCurrentIndex(std::max(0, m_safe->findData(p.safeSearch)));
    m_language->setCurrentIndex(std::max(0, m_language->findData(p.language)));
    m_appearance->setCurrentIndex(std::max(0, m_appearance->findData(p.appearance)));
    m_weightsUrl->setText(p.weightsUrl);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.device = m_device->currentData().toString();
    p.threads = m_threads->value();
    p.thumbnailCacheMB = m_cache->value();
    p.downloads = m_downloads->value();
    p.region = m_region->text().trimmed().isEmpty() ? QStringLiteral("us-en") : m_region->text().trimmed();
    p.safeSearch = m_safe->currentData().toString();
    p.language = m_language->currentData().toString();
    p.appearance = m_appearance->currentData().toString();
    p.weightsUrl = m_weightsUrl->text().trimmed();
    return p;
}

} // namespace kiln
