#include "preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QThread>

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
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_device(new QComboBox(this))
    , m_threads(new QSpinBox(this))
    , m_cache(new QSpinBox(this))
    , m_downloads(new QSpinBox(this))
    , m_region(new QLineEdit(this))
    , m_safe(new QComboBox(this))
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
    m_safe->addItems({"moderate", "on", "off"});
    form->addRow(tr("Training device"), m_device);
    form->addRow(tr("CPU threads"), m_threads);
    form->addRow(tr("Thumbnail cache"), m_cache);
    form->addRow(tr("Downloads at once (Acquire)"), m_downloads);
    form->addRow(tr("Search region (Acquire)"), m_region);
    form->addRow(tr("Safe search (Acquire)"), m_safe);
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
    m_safe->setCurrentText(p.safeSearch);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.device = m_device->currentData().toString();
    p.threads = m_threads->value();
    p.thumbnailCacheMB = m_cache->value();
    p.downloads = m_downloads->value();
    p.region = m_region->text().trimmed().isEmpty() ? QStringLiteral("us-en") : m_region->text().trimmed();
    p.safeSearch = m_safe->currentText();
    return p;
}

} // namespace kiln
