#pragma once
// The Train page's choice of starting weights for the chosen architecture: torchvision's ImageNet
// weights (downloaded once into torch.hub's cache), a file of the user's, or none; with what the
// architecture weighs, how it did on ImageNet and whether its weights are in the cache. Edits the
// form's `pretrained` setting (its line edit holds "imagenet", a path or nothing). GUI thread only.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kiln {

class TrainSettingsForm;

class WeightsChooser : public QWidget {
    Q_OBJECT
public:
    WeightsChooser(TrainSettingsForm *form, QWidget *parent);

    // Follows the form (another architecture, a configuration set, a download done).
    void refresh();
    QString infoText() const;
    QComboBox *choice() const { return m_choice; }

private:
    void choose();

    TrainSettingsForm *m_form;
    QLineEdit *m_path; // the form's editor of `pretrained`
    QComboBox *m_choice;
    QPushButton *m_browse;
    QLabel *m_info;
    bool m_updating = false;
};

} // namespace kiln
