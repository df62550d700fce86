#pragma once
// Editors for training settings, built from their table (trainsettings.h): a spin box with the
// setting's range for numbers (showing "auto" where 0 means automatic), a check box for on/off, a
// list for choices, a line for text; the label and tooltip are the table's, translated. The form
// holds a whole TrainConfig: settings without an editor keep the value last set, so a
// configuration read back from a run loses nothing. It remembers which settings the user changed,
// so suggestions for new data can leave those alone. GUI thread only.

#include "train/trainconfig.h"

#include <QObject>
#include <QString>

#include <map>
#include <set>
#include <string>
#include <vector>

class QFormLayout;
class QWidget;

namespace kiln {

struct TrainSetting;

class TrainSettingsForm : public QObject {
    Q_OBJECT
public:
    explicit TrainSettingsForm(QWidget *parent);

    // Adds a row (label, editor) to `layout` for each setting named.
    void addRows(QFormLayout *layout, const std::vector<std::string> &keys);
    // The editor of a setting, made on first use (for rows laid out by the caller).
    QWidget *editor(const std::string &key);

    // Every editor from `c`; `c` is kept for the settings without one. `chosen`: the values were
    // chosen (a configuration to repeat), so suggestions leave them alone; else they are defaults
    // that suggestions may replace.
    void setConfig(const TrainConfig &c, bool chosen);
    // One setting, as the CLI spells its value, without marking it changed by the user.
    void setSetting(const std::string &key, const std::string &value);
    // Takes the settings that follow the data (architecture, size, batch size, split) from `c`,
    // except those the user changed (a suggestion for new data).
    void suggest(const TrainConfig &c);
    // What was set, with every editor's value.
    TrainConfig config() const;
    // The user changed this setting since the last setConfig.
    bool isUserSet(const std::string &key) const { return m_userSet.count(key) != 0; }

    static QString label(const TrainSetting &s);
    static QString help(const TrainSetting &s);
    static QString choiceLabel(const std::string &choice);

Q_SIGNALS:
    // The user changed a setting's editor.
    void edited(const QString &key);

private:
    void show(const TrainSetting &s, const TrainConfig &c);
    void read(const TrainSetting &s, TrainConfig &c) const;

    QWidget *m_parent;
    std::map<std::string, QWidget *> m_editors;
    std::set<std::string> m_userSet;
    TrainConfig m_base;
    bool m_chosen = false;
    bool m_updating = false;
};

} // namespace kiln
