#include "trainsettingsform.h"

#include "train/trainsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace kiln {

namespace {

// The choices a person reads translated (architecture names stay names).
[[maybe_unused]] const char *const kChoiceLabels[] = {
    QT_TRANSLATE_NOOP("kiln::TrainSettings", "squish"),    QT_TRANSLATE_NOOP("kiln::TrainSettings", "crop"),
    QT_TRANSLATE_NOOP("kiln::TrainSettings", "pad"),       QT_TRANSLATE_NOOP("kiln::TrainSettings", "one-cycle"),
    QT_TRANSLATE_NOOP("kiln::TrainSettings", "fine-tune"), QT_TRANSLATE_NOOP("kiln::TrainSettings", "constant"),
    QT_TRANSLATE_NOOP("kiln::TrainSettings", "fastai"),    QT_TRANSLATE_NOOP("kiln::TrainSettings", "linear"),
    QT_TRANSLATE_NOOP("kiln::TrainSettings", "auto"),      QT_TRANSLATE_NOOP("kiln::TrainSettings", "cpu"),
    QT_TRANSLATE_NOOP("kiln::TrainSettings", "cuda"),
};
// (fp32, bf16 and fp16 are names, as the architectures are.)

QString translated(const char *text)
{
    return QCoreApplication::translate("kiln::TrainSettings", text);
}

} // namespace

TrainSettingsForm::TrainSettingsForm(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
{
}

QString TrainSettingsForm::label(const TrainSetting &s)
{
    return translated(s.label);
}

QString TrainSettingsForm::help(const TrainSetting &s)
{
    return translated(s.help);
}

QString TrainSettingsForm::choiceLabel(const std::string &choice)
{
    for (const char *c : kChoiceLabels)
        if (choice == c)
            return translated(c);
    return QString::fromStdString(choice);
}

QWidget *TrainSettingsForm::editor(const std::string &key)
{
    if (auto it = m_editors.find(key); it != m_editors.end())
        return it->second;
    const TrainSetting *s = findTrainSetting(key);
    if (!s)
        return nullptr;
    QWidget *w = nullptr;
    const QString name = QString::fromLatin1(s->key);
    // A change the user made (not one setConfig or suggest made) marks the setting as theirs.
    const auto userChanged = [this, key, name] {
        if (m_updating)
            return;
        m_userSet.insert(key);
        Q_EMIT edited(name);
    };
    switch (s->type) {
    case SettingType::Int: {
        auto *b = new QSpinBox(m_parent);
        b->setRange(s->hasAuto ? 0 : int(s->min), int(std::min(s->max, double(std::numeric_limits<int>::max()))));
        if (s->hasAuto)
            b->setSpecialValueText(tr("auto"));
        connect(b, &QSpinBox::valueChanged, this, userChanged);
        w = b;
        break;
    }
    case SettingType::Real: {
        auto *b = new QDoubleSpinBox(m_parent);
        b->setDecimals(s->decimals);
        b->setRange(s->hasAuto ? 0 : s->min, s->max);
        b->setSingleStep(s->decimals >= 4 ? std::pow(10.0, -s->decimals + 3) : std::pow(10.0, -s->decimals) * 5);
        if (s->hasAuto)
            b->setSpecialValueText(tr("auto"));
        connect(b, &QDoubleSpinBox::valueChanged, this, userChanged);
        w = b;
        break;
    }
    case SettingType::Flag: {
        auto *b = new QCheckBox(m_parent);
        connect(b, &QCheckBox::toggled, this, userChanged);
        w = b;
        break;
    }
    case SettingType::Choice: {
        auto *b = new QComboBox(m_parent);
        for (const auto &c : s->choices)
            b->addItem(choiceLabel(c), QString::fromStdString(c));
        connect(b, &QComboBox::currentIndexChanged, this, userChanged);
        w = b;
        break;
    }
    case SettingType::Text: {
        auto *e = new QLineEdit(m_parent);
        connect(e, &QLineEdit::textEdited, this, userChanged);
        w = e;
        break;
    }
    }
    w->setObjectName(name);
    w->setToolTip(help(*s));
    m_editors[key] = w;
    const QSignalBlocker noise(w);
    show(*s, m_base);
    return w;
}

void TrainSettingsForm::addRows(QFormLayout *layout, const std::vector<std::string> &keys)
{
    for (const auto &key : keys) {
        QWidget *w = editor(key);
        if (!w)
            continue;
        layout->addRow(label(*findTrainSetting(key)) + QLatin1Char(':'), w);
    }
}

void TrainSettingsForm::show(const TrainSetting &s, const TrainConfig &c)
{
    auto it = m_editors.find(s.key);
    if (it == m_editors.end())
        return;
    QWidget *w = it->second;
    m_updating = true;
    switch (s.type) {
    case SettingType::Int: static_cast<QSpinBox *>(w)->setValue(int(s.number(c))); break;
    case SettingType::Real: static_cast<QDoubleSpinBox *>(w)->setValue(s.number(c)); break;
    case SettingType::Flag: static_cast<QCheckBox *>(w)->setChecked(s.number(c) != 0); break;
    case SettingType::Choice: {
        auto *b = static_cast<QComboBox *>(w);
        b->setCurrentIndex(std::max(0, b->findData(QString::fromStdString(s.text(c)))));
        break;
    }
    case SettingType::Text: static_cast<QLineEdit *>(w)->setText(QString::fromStdString(s.text(c))); break;
    }
    m_updating = false;
}

void TrainSettingsForm::read(const TrainSetting &s, TrainConfig &c) const
{
    // An editor the user left alone keeps the value that was set exactly: a spin box rounds to its
    // decimals and clamps to its range, and a value out of range must reach validate() as it is.
    auto it = m_editors.find(s.key);
    if (it == m_editors.end() || !isUserSet(s.key))
        return;
    QWidget *w = it->second;
    switch (s.type) {
    case SettingType::Int: s.setNumber(c, static_cast<QSpinBox *>(w)->value()); break;
    case SettingType::Real: s.setNumber(c, static_cast<QDoubleSpinBox *>(w)->value()); break;
    case SettingType::Flag: s.setNumber(c, static_cast<QCheckBox *>(w)->isChecked() ? 1 : 0); break;
    case SettingType::Choice: s.setText(c, static_cast<QComboBox *>(w)->currentData().toString().toStdString()); break;
    case SettingType::Text: s.setText(c, static_cast<QLineEdit *>(w)->text().trimmed().toStdString()); break;
    }
}

void TrainSettingsForm::setConfig(const TrainConfig &c, bool chosen)
{
    m_base = c;
    m_userSet.clear();
    m_chosen = chosen;
    for (const TrainSetting &s : trainSettings())
        show(s, c);
}

void TrainSettingsForm::setSetting(const std::string &key, const std::string &value)
{
    const TrainSetting *s = findTrainSetting(key);
    if (!s)
        return;
    TrainConfig c = config();
    if (!setTrainSetting(c, *s, value))
        return;
    if (s->numeric())
        s->setNumber(m_base, s->number(c));
    else
        s->setText(m_base, s->text(c));
    m_userSet.erase(key);
    show(*s, m_base);
}

void TrainSettingsForm::suggest(const TrainConfig &c)
{
    if (m_chosen)
        return;
    TrainConfig merged = config();
    for (const TrainSetting &s : trainSettings()) {
        if (!s.fromData || isUserSet(s.key))
            continue;
        if (s.numeric())
            s.setNumber(merged, s.number(c));
        else
            s.setText(merged, s.text(c));
        show(s, merged);
    }
    m_base = merged;
}

TrainConfig TrainSettingsForm::config() const
{
    TrainConfig c = m_base;
    for (const TrainSetting &s : trainSettings())
        read(s, c);
    return c;
}

} // namespace kiln
