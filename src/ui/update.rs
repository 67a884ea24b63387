//! [`update`]: what each message does to the page and which effects it asks for. Every
//! write leaves as one [`Effect::Write`]; the browser side runs them all in one place.

use super::msg::{After, Effect, Msg, Outcome, Tab};
use super::words::Text;
use super::{apps, board, capture, data, editor, holidays, record, settings, templates, today};
use super::{EditorForm, Model, RecordForm, View, PAGE};
use crate::core::demo::sample_applications;
use crate::core::model::Application;

/// Applies `msg` to the page and returns what the browser must do next.
pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    // Drawn from today's summary, a row knows its application only by name: what needs the
    // application itself (a draft, a write checked against it) waits for everything to be read.
    // The same message twice (a double click, a click held while the page loaded and made
    // again) is done once, as the disabled button would have made it.
    if m.partial.is_some() && msg.needs_everything() {
        m.busy = true;
        if !m.deferred.contains(&msg) {
            m.deferred.push(msg);
        }
        return Vec::new();
    }
    let loaded = matches!(msg, Msg::Loaded { result: Ok(_), .. });
    let mut effects = step(m, msg);
    if loaded && !m.deferred.is_empty() {
        m.busy = false;
        for msg in std::mem::take(&mut m.deferred) {
            effects.extend(step(m, msg));
        }
    }
    board::settle(m);
    super::insights_view::keep(m);
    if m.loaded && m.shows_settings() && !m.extras_requested {
        m.extras_requested = true;
        effects.push(Effect::LoadExtras);
    }
    effects
}

fn step(m: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tab(tab) => {
            m.view = match tab {
                Tab::Today => View::Today,
                Tab::Apps => View::Apps,
                Tab::Settings => View::Settings,
                Tab::Board => View::Board,
                Tab::Insights => View::Insights,
            };
            m.shown = PAGE;
            m.editor = None;
            m.confirm_delete = false;
            m.board.menu = None;
            m.board.pending = None;
        }
        Msg::Dismiss => m.notice = None,
        Msg::ShowMore => m.shown += PAGE,
        Msg::OpenOptions => return vec![Effect::OpenOptions],
        Msg::OpenTab => return vec![Effect::OpenTab],
        Msg::LoadDemo => {
            m.busy = true;
            return vec![Effect::write(
                super::Write::SaveApps(sample_applications(m.today)),
                Text::key("demoLoaded"),
            )];
        }
        Msg::Escape if m.view == View::Edit => return cancel_edit(m),
        Msg::Escape => {
            m.open_draft = None;
            m.confirm_delete = false;
            return board::cancel(m);
        }
        Msg::OpenApp(id) => {
            m.view = View::App(id);
            m.open_draft = None;
            m.confirm_delete = false;
            m.record = RecordForm::default();
        }
        Msg::ToggleDraft(r) => return today::toggle_draft(m, &r),
        Msg::ToggleDated(r) => {
            let id = r.id();
            if !m.dated.remove(&id) {
                m.dated.insert(id);
            }
        }
        Msg::CopyDraft(r) => return today::copy_draft(m, &r),
        Msg::Sent(r) => return today::sent(m, &r),
        Msg::SentOn(r) => return today::sent_on(m, &r),
        Msg::Skip(r) => return today::skip(m, &r),
        Msg::Snooze(r) => return today::snooze(m, &r),
        Msg::Undo(r) => return today::undo(m, &r),
        Msg::Answer(a) => return super::replies::answer(m, &a),
        Msg::NewApp => {
            let app = Application {
                id: m.ids.next("app-"),
                applied_on: Some(m.today),
                ..Default::default()
            };
            return open_editor(m, &app);
        }
        Msg::EditApp(id) => match m.app(&id).cloned() {
            Some(app) => return open_editor(m, &app),
            None => m.error(Text::key("errorGone")),
        },
        Msg::DeleteApp(id) => return apps::delete(m, &id),
        Msg::CancelEdit => return cancel_edit(m),
        Msg::AddContact => {
            let id = m.ids.next("c");
            if let Some(f) = m.editor.as_mut() {
                f.add_contact(id);
            }
        }
        Msg::RemoveContact(i) => {
            if let Some(f) = m.editor.as_mut() {
                f.remove_contact(i);
            }
        }
        Msg::AddRound => {
            let id = m.ids.next("r");
            let today = m.today;
            if let Some(f) = m.editor.as_mut() {
                f.add_round(id, today);
            }
        }
        Msg::RemoveRound(i) => {
            if let Some(f) = m.editor.as_mut() {
                f.remove_round(i);
            }
        }
        Msg::Export(kind) => return vec![Effect::Export(kind)],
        Msg::RestoreSnapshot => {
            m.busy = true;
            return vec![Effect::write(
                super::Write::RestoreSnapshot,
                Text::key("snapshotRestored"),
            )];
        }
        Msg::ResetTemplate(key) => return templates::reset(m, &key),
        Msg::Site { site, allow } => return data::site(&site, allow),
        Msg::Input { name, value } => input(m, &name, &value),
        Msg::Check { name, on } => check(m, &name, on),
        Msg::Submit(form) => {
            return match form {
                super::Form::App => editor::submit(m),
                super::Form::Record => record::submit(m),
                super::Form::Settings => settings::submit(m),
                super::Form::Template => templates::submit(m),
                super::Form::Capture => capture::submit(m),
                super::Form::Move => board::submit(m),
            }
        }
        Msg::ImportPicked { size } => return data::picked(m, size),
        Msg::ImportRead(text) => return data::read(m, text),
        Msg::HolidaysPicked { size } => return holidays::picked(m, size),
        Msg::HolidaysRead(text) => return holidays::read(m, text),
        Msg::Loaded { today, result } => match result {
            Ok(stored) => m.set_state(today, stored),
            Err(e) => {
                m.loaded = true;
                let detail = m.words.worded(&e);
                m.error(Text::with("errorStorage", &[("detail", &detail)]));
            }
        },
        Msg::Written {
            after,
            result,
            reloaded,
        } => {
            m.busy = false;
            if let Some((today, stored)) = reloaded {
                m.set_state(today, stored);
            }
            let mut effects = Vec::new();
            if let Ok(Outcome::App(app)) = &result {
                if m.partial.is_some() {
                    // Not reached (writes wait for everything to be read); should it be, the
                    // read under way may have started before this write: read again.
                    effects.push(Effect::Reload);
                } else {
                    m.put_app(&app.id, Some(app.as_ref().clone()), true);
                }
            }
            match (after, &result) {
                (After::Import, Ok(Outcome::Imported(report))) => data::imported(m, Ok(report)),
                (After::Import, Err(e)) => data::imported(m, Err(e)),
                (After::Notice(n), Ok(_)) => m.notice = Some(n),
                (
                    After::NewRound {
                        notice,
                        app_id,
                        date,
                    },
                    Ok(_),
                ) => {
                    m.notice = Some(notice);
                    if let Some(app) = m.app(&app_id).cloned() {
                        effects.extend(super::replies::open_new_round(m, &app, date));
                    }
                }
                (After::Moved, Err(e)) => {
                    // The card was moved before the write: storage says where it is, and the
                    // board no longer says it was moved.
                    m.board.said = None;
                    m.error(Text::Coded(e.clone()));
                    effects.push(Effect::Reload);
                }
                (After::Moved, Ok(_)) => {}
                (_, Err(e)) => m.error(Text::Coded(e.clone())),
                (After::Import, Ok(Outcome::Done | Outcome::App(_))) => {}
            }
            return effects;
        }
        Msg::Day(today) => {
            // While *Today* is drawn from the summary, the read under way brings the new day.
            if m.loaded && m.partial.is_none() && today != m.today {
                let stored = std::mem::take(&mut m.stored);
                m.set_state(today, stored);
            }
        }
        Msg::StorageChanged => return vec![Effect::Reload],
        Msg::Changed(changes) => {
            if m.take_changes(changes) {
                return vec![Effect::Reload];
            }
        }
        Msg::Summary {
            today,
            summary,
            stored,
        } => m.set_summary(today, *summary, stored),
        Msg::Copied(ok) => {
            if ok {
                m.info(Text::key("copied"));
            } else {
                m.error(Text::key("copyFailed"));
            }
        }
        Msg::Exported(result) => match result {
            Ok(file) => m.info(Text::with("exported", &[("file", &file)])),
            Err(e) => m.error(Text::Coded(e)),
        },
        Msg::ExtrasLoaded(extras) => m.extras = extras,
        Msg::SiteChanged { site, granted } => data::site_changed(m, &site, granted),
        Msg::Captured(c) => return capture::collected(m, c),
        Msg::CloseCapture => m.capture = None,
        Msg::ExpandCapture => return capture::expand(m),
        Msg::Board(msg) => return board::update(m, msg),
    }
    Vec::new()
}

/// Leaves the editor without saving: back to the application's page (a new one: the list),
/// with the keyboard on the button that opened the editor.
fn cancel_edit(m: &mut Model) -> Vec<Effect> {
    let back = m.editor.take().filter(|f| !f.is_new()).map(|f| f.base.id);
    let focus = if back.is_some() {
        "[data-action=\"edit-app\"]"
    } else {
        "[data-action=\"new-app\"]"
    };
    m.view = back.map_or(View::Apps, View::App);
    vec![Effect::Focus(focus)]
}

fn open_editor(m: &mut Model, app: &Application) -> Vec<Effect> {
    m.editor = Some(EditorForm::new(app));
    m.view = View::Edit;
    vec![Effect::Focus("[name=\"company\"]")]
}

/// A field changed: the form it belongs to takes the value.
fn input(m: &mut Model, name: &str, value: &str) {
    if name.starts_with("capture-") {
        if let Some(super::Capture::Form { form, .. }) = m.capture.as_mut() {
            form.input(name, value);
        }
    } else if name.starts_with("board-") || name == "move-date" {
        board::input(m, name, value);
    } else if name == "search" {
        m.search = value.to_string();
        m.shown = PAGE;
    } else if name.starts_with("sent-on:")
        || name.starts_with("snooze:")
        || name.starts_with("decision:")
    {
        m.dates.insert(name.to_string(), value.to_string());
    } else if name == "template-slot" {
        m.template.choose(value, &m.stored.settings);
    } else if name == "template-wording" {
        m.template.choose_wording(value, &m.stored.settings);
    } else if name == "template-text" {
        m.template.edit(value);
    } else if name == "import-mode" {
        m.import_replace = value == "replace";
    } else if m.view == View::Edit {
        if let Some(f) = m.editor.as_mut() {
            f.input(name, value);
        }
    } else if !m.record.input(name, value) {
        m.settings.input(name, value);
    }
}

fn check(m: &mut Model, name: &str, on: bool) {
    if name == "capture-remote" {
        if let Some(super::Capture::Form { form, .. }) = m.capture.as_mut() {
            form.remote = on;
        }
    } else if name.starts_with("board-") {
        board::check(m, name, on);
    } else if m.view == View::Edit {
        if let Some(f) = m.editor.as_mut() {
            f.check(name, on);
        }
    } else {
        m.settings.check(name, on);
    }
}
