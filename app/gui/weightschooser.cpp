#include "weightschooser.h"

#include "trainsettingsform.h"

#include "models/modelspec.h"
#include "models/weights.h"
#include "train/trainsettings.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace kiln {

WeightsChooser::WeightsChooser(TrainSettingsForm *form, QWidget *parent)
    : QWidget(parent)
    , m_form(form)
    , m_path(static_cast<QLineEdit *>(form->editor("pretrained")))
    , m_choice(new QComboBox(this))
    , m_browse(new QPushButton(tr("…"), this))
    , m_info(new QLabel(this))
{
    m_choice->addItem(tr("ImageNet (torchvision)"), QStringLiteral("imagenet"));
    m_choice->addItem(tr("A file…"), QStringLiteral("file"));
    m_choice->addItem(tr("None: train from scratch"), QString());
    m_choice->setToolTip(TrainSettingsForm::help(*findTrainSetting("pretrained")));
    m_path->setPlaceholderText(tr("a torchvision state dict (.pth)"));
    m_browse->setMaximumWidth(32);
    m_info->setWordWrap(true);
    m_info->setEnabled(false);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_path, 1);
    row->addWidget(m_browse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choice);
    layout->addLayout(row);
    layout->addWidget(m_info);

    connect(m_choice, &QComboBox::currentIndexChanged, this, &WeightsChooser::choose);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("torchvision state dict"), QString(), tr("PyTorch weights (*.pth *.pt)"));
        if (!file.isEmpty()) {
            m_path->setText(file);
            Q_EMIT m_path->textEdited(file);
        }
    });
    connect(m_form, &TrainSettingsForm::edited, this, [this](const QString &key) {
        if (key == QLatin1String("arch") || key == QLatin1String("pretrained"))
            refresh();
    });
    refresh();
}

void WeightsChooser::choose()
{
    if (m_updating)
        return;
    const QString what = m_choice->currentData().toString();
    const QString value = what == QLatin1String("file") ? (m_path->text() == QLatin1String("imagenet") ? QString() : m_path->text()) : what;
    m_path->setText(value);
    Q_EMIT m_path->textEdited(value); // the user's choice
    if (what == QLatin1String("file") && value.isEmpty())
        m_browse->click();
    refresh();
}

void WeightsChooser::refresh()
{
    const TrainConfig c = m_form->config();
    m_updating = true;
    m_choice->setCurrentIndex(c.pretrained == "imagenet" ? 0 : c.pretrained.empty() ? 2 : 1);
    m_updating = false;
    const bool file = m_choice->currentIndex() == 1;
    m_path->setVisible(file);
    m_browse->setVisible(file);

    const QLocale locale;
    auto catalog = WeightsCatalog::current();
    const WeightsEntry *entry = catalog ? catalog->find(architectureName(c.arch)) : nullptr;
    QString text;
    if (!entry) {
        text = tr("No ImageNet weights for %1: it trains from scratch.").arg(QString::fromLatin1(architectureName(c.arch)));
    } else {
        text = tr("%1 M parameters, %2 % top-1 on ImageNet.")
                   .arg(locale.toString(entry->millionParams, 'f', 1), locale.toString(entry->top1, 'f', 1));
        if (c.pretrained == "imagenet") {
            const CachedWeights cached = cachedWeights(*entry);
            text += QLatin1Char(' ')
                    + (cached.present ? tr("Its weights are in the cache (%1).").arg(locale.formattedDataSize(qint64(cached.bytes)))
                                      : tr("Start downloads its weights once (about %1).").arg(locale.formattedDataSize(qint64(entry->approxBytes()))));
        }
    }
    if (const double speed = relativeCpuTrainingSpeed(c.arch); speed > 0) {
        const QString speedClass = speed >= 1.5 ? tr("fast") : speed >= 0.75 ? tr("medium") : tr("slow");
        text += QLatin1Char(' ')
                + tr("On a CPU: %1, about %2× resnet18's training speed.").arg(speedClass, locale.toString(speed, 'f', 1));
    }
    m_info->setText(text);
    m_info->setToolTip(entry ? QString::fromStdString(entry->url) : QString());
}

QString WeightsChooser::infoText() const
{
    return m_info->text();
}

} // namespace kiln
